package cn.shegong.portal.synthetic;

import cn.shegong.portal.stations.StationKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Plausible but invented articles and stations for benchmarks. Every title starts with 【测试数据】 so
 * nobody mistakes one for news, and every row is stored with origin 'synthetic'.
 */
final class SyntheticContent {
  static final String MARK = "【测试数据】";

  /** province, city, district, latitude, longitude */
  static final String[][] PLACES = {
    {"山东省", "淄博市", "张店区", "36.80", "118.05"}, {"山东省", "济南市", "济阳区", "36.98", "117.17"},
    {"上海市", "上海市", "嘉定区", "31.38", "121.25"}, {"北京市", "北京市", "朝阳区", "39.92", "116.44"},
    {"湖北省", "武汉市", "洪山区", "30.50", "114.34"}, {"云南省", "丽江市", "古城区", "26.87", "100.23"},
    {"四川省", "成都市", "天府新区", "30.41", "104.07"}, {"西藏自治区", "拉萨市", "城关区", "29.65", "91.13"},
    {"江西省", "赣州市", "石城县", "26.33", "116.35"}, {"浙江省", "杭州市", "萧山区", "30.18", "120.27"},
    {"河北省", "保定市", "雄县", "38.99", "116.11"}, {"内蒙古自治区", "通辽市", "科尔沁区", "43.62", "122.26"},
    {"广东省", "广州市", "天河区", "23.13", "113.36"}, {"江苏省", "南京市", "鼓楼区", "32.07", "118.77"},
    {"福建省", "厦门市", "思明区", "24.45", "118.08"}, {"湖南省", "长沙市", "岳麓区", "28.23", "112.94"},
    {"陕西省", "西安市", "雁塔区", "34.22", "108.95"}, {"甘肃省", "兰州市", "城关区", "36.06", "103.83"},
    {"辽宁省", "沈阳市", "和平区", "41.79", "123.40"}, {"重庆市", "重庆市", "渝中区", "29.55", "106.57"}
  };

  static final String[] TOPICS = {
    "社会工作",
    "医务社工",
    "心理健康",
    "居家养老",
    "儿童关爱",
    "志愿服务",
    "社区治理",
    "困难群众帮扶",
    "精神障碍社区康复",
    "未成年人保护",
    "残疾人服务",
    "社工人才培养",
    "乡村振兴",
    "社工站建设"
  };
  static final String[] ACTIONS = {"推进", "开展", "启动", "深化", "探索", "完善", "举办", "发布"};
  static final String[] NOUNS = {"服务项目", "工作模式", "交流活动", "培训班", "示范点", "服务体系", "专题讲座", "调研活动"};
  static final String[] SENTENCES = {
    "%s民政局联合社会组织，围绕%s持续开展专业服务，覆盖辖区各街道社区。",
    "据介绍，今年以来%s已有多名社会工作者参与%s相关工作，服务居民数千人次。",
    "活动现场，社工为老人测量血压，讲解%s知识，并为困难家庭链接资源。",
    "下一步，%s将继续完善%s服务网络，推动服务下沉到村居。",
    "该项目由专业督导带领，通过个案管理、小组活动和社区活动等方式提供%s服务。",
    "%s的社工站已建立需求清单、资源清单和服务清单，%s成效逐步显现。",
    "参加培训的学员表示，课程内容贴近实际，对做好%s工作很有帮助。"
  };
  static final String[] SERVICES = {
    "心理咨询", "个案管理", "康复转介", "助餐服务", "政策咨询", "儿童托管", "就医陪护", "家庭探访", "志愿者招募", "法律援助"
  };

  private final Random random;

  SyntheticContent(long seed) {
    this.random = new Random(seed);
  }

  String[] place() {
    return PLACES[random.nextInt(PLACES.length)];
  }

  String pick(String[] xs) {
    return xs[random.nextInt(xs.length)];
  }

  String articleTitle(String[] place) {
    return MARK + place[1].replace("市", "") + place[2] + pick(ACTIONS) + pick(TOPICS) + pick(NOUNS);
  }

  String articleBody(String[] place) {
    List<String> paragraphs = new ArrayList<>();
    int n = 3 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      StringBuilder p = new StringBuilder();
      for (int s = 0; s < 2 + random.nextInt(2); s++) {
        p.append(String.format(pick(SENTENCES), place[2], pick(TOPICS)));
      }
      paragraphs.add(p.toString());
    }
    paragraphs.add("（本文为自动生成的测试数据，并非真实报道。）");
    return String.join("\n\n", paragraphs);
  }

  String stationName(String[] place, String kind, int i) {
    String suffix =
        StationKind.fromCode(kind).map(StationKind::label).orElse("社工站").replace("镇（街道）", "街道");
    return MARK + place[2] + "第" + (i % 997 + 1) + suffix;
  }

  String kind() {
    return pick(Arrays.stream(StationKind.values()).map(StationKind::code).toArray(String[]::new));
  }

  double jitter(String coordinate) {
    return Double.parseDouble(coordinate) + (random.nextDouble() - 0.5) * 0.2;
  }

  String[] services() {
    return new String[] {pick(SERVICES), pick(SERVICES)};
  }

  int daysBack() {
    return random.nextInt(3 * 365);
  }
}

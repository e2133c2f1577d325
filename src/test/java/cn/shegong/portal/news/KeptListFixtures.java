package cn.shegong.portal.news;

import cn.shegong.portal.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;

/**
 * Published articles that try the kept list's order and filters: equal moments (the id decides),
 * moments a microsecond apart inserted against id order, dates either side of midnight in China,
 * dates known only to the month or the year, places by district, sources that sort differently by
 * UTF-16 and by code point.
 */
final class KeptListFixtures {
  private KeptListFixtures() {}

  /**
   * slug | title | subtitle | summary | source | province | city | district | tags | published_at |
   * date_precision
   */
  private static final String ROWS =
      """
      kl-tie-a|停电清单甲号报道|副题甲|||上海市|上海市|浦东新区|{停电测试}|2024-10-05T09:00:00+08|day
      kl-tie-b|停电清单乙号报道||摘要乙||上海市|上海市|浦东新区|{停电测试}|2024-10-05T09:00:00+08|day
      kl-tie-c|停电清单丙号报道||||上海市|上海市|浦东新区|{停电测试,心理健康}|2024-10-05T09:00:00+08|day
      kl-tie-d|停电清单丁号报道||||北京市|北京市|朝阳区|{}|2024-10-05T09:00:00+08|day
      kl-micro-late|停电清单戊号报道||||上海市|上海市||{}|2024-10-06T09:00:00.000002+08|day
      kl-micro-early|停电清单己号报道||||上海市|上海市||{}|2024-10-06T09:00:00.000001+08|day
      kl-eve|停电清单庚号报道|||！来源|上海市|上海市||{}|2023-12-31T23:30:00+08|day
      kl-newyear|停电清单辛号报道|||𠀀来源|上海市|上海市||{停电测试}|2024-01-01T00:30:00+08|day
      kl-month|停电清单壬号报道|||||||{停电测试,心理健康}|2024-10-01T00:00:00+08|month
      kl-year|停电清单癸号报道|||||||{停电测试}|2024-10-02T00:00:00+08|year
      kl-west-lake|停电清单子号报道|西湖边的副题|西湖边的摘要|《停电日报》|浙江省|杭州市|西湖区|{社工站}|2024-10-07T10:00:00+08|day
      kl-nowhere|停电清单丑号报道|||！来源||||{}|2022-03-03T08:00:00+08|day
      kl-xuhui|停电清单寅号报道||||上海市|上海市|徐汇区|{}|2021-07-07T07:07:07.123456+08|day
      """;

  /** Inserts them (origin editor, published) in this order; answers their slugs. */
  static List<String> insert(TestDatabase db) {
    List<String> slugs = new ArrayList<>();
    for (String line : ROWS.strip().split("\n")) {
      String[] v = line.split("\\|", -1);
      db.exec(
          "INSERT INTO articles (slug, title, subtitle, summary, source, province, city, district, "
              + "tags, published_at, date_precision, body, status, origin) VALUES ("
              + String.join(", ", java.util.Arrays.stream(v).map(KeptListFixtures::q).toList())
              + ", "
              + q("正文：" + v[1])
              + ", 'published', 'editor')");
      slugs.add(v[0]);
    }
    return slugs;
  }

  private static String q(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}

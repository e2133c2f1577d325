package cn.shegong.portal.helplines;

import cn.shegong.portal.common.Csv;
import cn.shegong.portal.stations.OpeningHours;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * seeds/helplines.csv: id,name,number,scope,region,kinds,hours,source_url,checked (kinds separated
 * by ;).
 */
public final class HelplineCsv {
  public static final List<String> HEADER =
      List.of("id", "name", "number", "scope", "region", "kinds", "hours", "source_url", "checked");

  private HelplineCsv() {}

  /** Every line of the file; a malformed line makes the whole file refused with its line number. */
  public static List<Helpline> parse(String text) {
    List<Csv.Record> records = Csv.parse(text);
    if (records.isEmpty() || !records.get(0).fields().equals(HEADER)) {
      throw new IllegalArgumentException("热线文件第 1 行应为表头：" + String.join(",", HEADER));
    }
    List<Helpline> out = new ArrayList<>();
    for (Csv.Record r : records.subList(1, records.size())) {
      if (r.fields().size() == 1 && r.fields().get(0).isBlank()) continue;
      try {
        out.add(of(r.fields()));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("热线文件第 " + r.line() + " 行：" + e.getMessage(), e);
      }
    }
    return out;
  }

  /** One help line from its fields, checked as the desk checks it. */
  public static Helpline of(List<String> f) {
    if (f.size() != HEADER.size()) throw new IllegalArgumentException("应有 " + HEADER.size() + " 列");
    String id = f.get(0).strip();
    if (!id.matches("[a-z0-9][a-z0-9-]{0,63}"))
      throw new IllegalArgumentException("编号只能用小写字母、数字和连字符：" + id);
    String name = f.get(1).strip();
    if (name.isEmpty() || name.length() > 100)
      throw new IllegalArgumentException("名称不能为空，最多 100 字");
    String number = f.get(2).strip();
    if (!number.matches("[0-9][0-9 -]{1,19}"))
      throw new IllegalArgumentException("号码只能含数字、空格和连字符：" + number);
    Helpline.Scope scope = Helpline.Scope.of(f.get(3));
    String region = f.get(4).strip();
    if ((scope == Helpline.Scope.NATIONAL) != region.isEmpty()) {
      throw new IllegalArgumentException("全国热线不填地区，省市热线必须填地区");
    }
    List<String> kinds =
        Arrays.stream(f.get(5).split("[;；,，\\s]+"))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    String hours = f.get(6).strip();
    OpeningHours.parse(hours); // refuses bad hours with the parser's message
    String source = f.get(7).strip();
    if (!source.matches("https?://\\S+")) throw new IllegalArgumentException("来源必须是 http(s) 网址");
    LocalDate checked;
    try {
      checked = LocalDate.parse(f.get(8).strip());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("核实日期应为 YYYY-MM-DD：" + f.get(8));
    }
    return new Helpline(id, name, number, scope, region, kinds, hours, source, checked);
  }
}

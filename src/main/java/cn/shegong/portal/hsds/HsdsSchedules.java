package cn.shegong.portal.hsds;

import cn.shegong.portal.stations.OpeningHours;
import cn.shegong.portal.stations.OpeningHours.Interval;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weekly opening hours as HSDS schedules: one WEEKLY schedule per distinct opening span, its days
 * in {@code byday}, times in China Standard Time ({@code +08:00}, timezone 8). Unknown hours give
 * no schedule.
 */
public final class HsdsSchedules {
  private static final String[] BYDAY = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
  private static final String[] CHINESE = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
  static final String OFFSET = "+08:00";

  private HsdsSchedules() {}

  public static List<JsonObject> of(String slug, String serviceId, OpeningHours hours) {
    Map<String, List<DayOfWeek>> bySpan = new LinkedHashMap<>();
    for (Interval i : hours.intervals()) {
      bySpan
          .computeIfAbsent(time(i.open()) + "-" + time(i.close()), k -> new ArrayList<>())
          .add(i.day());
    }
    List<JsonObject> out = new ArrayList<>();
    for (Map.Entry<String, List<DayOfWeek>> e : bySpan.entrySet()) {
      String[] span = e.getKey().split("-");
      List<String> days = new ArrayList<>();
      List<String> chinese = new ArrayList<>();
      for (DayOfWeek d : e.getValue().stream().distinct().sorted().toList()) {
        days.add(BYDAY[d.ordinal()]);
        chinese.add(CHINESE[d.ordinal()]);
      }
      out.add(
          new JsonObject()
              .put("id", HsdsIds.schedule(slug, e.getKey()))
              .put("service_id", serviceId)
              .put("timezone", 8)
              .put("wkst", "MO")
              .put("freq", "WEEKLY")
              .put("interval", 1)
              .put("byday", String.join(",", days))
              .put("description", String.join("、", chinese) + " " + span[0] + "–" + span[1])
              .put("opens_at", span[0] + OFFSET)
              .put("closes_at", span[1] + OFFSET));
    }
    return out;
  }

  /**
   * Reads schedules back into weekly hours; throws IllegalArgumentException naming the field at
   * fault.
   */
  public static OpeningHours read(List<JsonObject> schedules) {
    List<Interval> out = new ArrayList<>();
    for (JsonObject s : schedules) {
      String freq = s.getString("freq", "WEEKLY");
      if (!"WEEKLY".equals(freq)) throw new IllegalArgumentException("freq：只支持 WEEKLY（每周）");
      LocalTime open = parse(s.getString("opens_at"), "opens_at");
      LocalTime close = parse(s.getString("closes_at"), "closes_at");
      if (!close.isAfter(open)) throw new IllegalArgumentException("closes_at：应晚于 opens_at");
      String byday = s.getString("byday", "");
      if (byday.isBlank()) throw new IllegalArgumentException("byday：缺少星期（如 MO,TU）");
      for (String d : byday.split(",")) out.add(new Interval(day(d.strip()), open, close));
    }
    return new OpeningHours(out);
  }

  private static DayOfWeek day(String code) {
    for (int i = 0; i < BYDAY.length; i++)
      if (BYDAY[i].equalsIgnoreCase(code)) return DayOfWeek.of(i + 1);
    throw new IllegalArgumentException("byday：未知的星期 " + code);
  }

  private static LocalTime parse(String text, String field) {
    if (text == null || text.isBlank()) throw new IllegalArgumentException(field + "：缺少时间");
    String t = text.strip();
    if (t.endsWith(OFFSET)) t = t.substring(0, t.length() - OFFSET.length());
    else if (t.matches(".*([+-]\\d\\d:\\d\\d|Z)$"))
      throw new IllegalArgumentException(field + "：时间应为中国标准时间（+08:00）");
    if (t.equals("24:00") || t.equals("24:00:00")) return LocalTime.MAX;
    try {
      return LocalTime.parse(t.length() == 4 ? "0" + t : t);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(field + "：时间格式应为 HH:MM");
    }
  }

  private static String time(LocalTime t) {
    return t.equals(LocalTime.MAX) ? "24:00" : t.toString().substring(0, 5);
  }
}

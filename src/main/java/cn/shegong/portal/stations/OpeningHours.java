package cn.shegong.portal.stations;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Weekly opening hours in a small subset of the OpenStreetMap opening_hours syntax:
 * {@code "Mo-Fr 09:00-12:00,13:30-17:30; Sa 09:00-12:00"}. An empty schedule means "unknown",
 * which is not the same as "closed".
 */
public record OpeningHours(List<Interval> intervals) {
  private static final String[] CODES = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
  private static final String[] CHINESE = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};

  public record Interval(DayOfWeek day, LocalTime open, LocalTime close) {}

  public static final OpeningHours UNKNOWN = new OpeningHours(List.of());

  public OpeningHours {
    intervals = List.copyOf(intervals);
  }

  public boolean known() {
    return !intervals.isEmpty();
  }

  /** Parses the schedule syntax; throws IllegalArgumentException with a message fit for an editor. */
  public static OpeningHours parse(String text) {
    if (text == null || text.isBlank()) return UNKNOWN;
    List<Interval> out = new ArrayList<>();
    for (String rule : text.split(";")) {
      String r = rule.strip();
      if (r.isEmpty()) continue;
      String[] parts = r.split("\\s+", 2);
      if (parts.length != 2) throw new IllegalArgumentException("开放时间格式应为“Mo-Fr 09:00-17:00”：" + r);
      List<DayOfWeek> days = parseDays(parts[0]);
      for (String span : parts[1].split(",")) {
        String[] hm = span.strip().split("-");
        if (hm.length != 2) throw new IllegalArgumentException("时间段格式应为“09:00-17:00”：" + span);
        LocalTime open = parseTime(hm[0]);
        LocalTime close = parseTime(hm[1]);
        if (!close.isAfter(open)) throw new IllegalArgumentException("结束时间应晚于开始时间：" + span);
        for (DayOfWeek d : days) out.add(new Interval(d, open, close));
      }
    }
    return new OpeningHours(out);
  }

  public boolean isOpenAt(ZonedDateTime chinaTime) {
    DayOfWeek day = chinaTime.getDayOfWeek();
    LocalTime t = chinaTime.toLocalTime();
    return intervals.stream()
        .anyMatch(i -> i.day() == day && !t.isBefore(i.open()) && t.isBefore(i.close()));
  }

  /** The canonical schedule text, the same syntax {@link #parse} reads. */
  public String toSyntax() {
    List<String> rules = new ArrayList<>();
    for (DayOfWeek d : DayOfWeek.values()) {
      List<String> spans = spansOf(d);
      if (!spans.isEmpty()) rules.add(CODES[d.ordinal()] + " " + String.join(",", spans));
    }
    return String.join("; ", rules);
  }

  /** One line per day that has hours, e.g. "周一 09:00–12:00、13:30–17:30". */
  public List<String> describeChinese() {
    List<String> lines = new ArrayList<>();
    for (DayOfWeek d : DayOfWeek.values()) {
      List<String> spans = spansOf(d);
      if (!spans.isEmpty()) lines.add(CHINESE[d.ordinal()] + " " + String.join("、", spans).replace('-', '–'));
    }
    return lines;
  }

  /** The jsonb form stored in stations.opening_hours: [{"day":1,"open":"09:00","close":"17:00"}]. */
  public JsonArray toJson() {
    JsonArray a = new JsonArray();
    for (Interval i : intervals) {
      a.add(new JsonObject().put("day", i.day().getValue()).put("open", i.open().toString())
          .put("close", i.close().equals(LocalTime.MAX) ? "24:00" : i.close().toString()));
    }
    return a;
  }

  public static OpeningHours fromJson(JsonArray a) {
    if (a == null) return UNKNOWN;
    List<Interval> out = new ArrayList<>();
    for (int k = 0; k < a.size(); k++) {
      JsonObject o = a.getJsonObject(k);
      out.add(new Interval(DayOfWeek.of(o.getInteger("day")), parseTime(o.getString("open")), parseTime(o.getString("close"))));
    }
    return new OpeningHours(out);
  }

  private List<String> spansOf(DayOfWeek d) {
    return intervals.stream().filter(i -> i.day() == d).map(i -> i.open() + "-" + (i.close().equals(LocalTime.MAX) ? "24:00" : i.close().toString())).toList();
  }

  private static List<DayOfWeek> parseDays(String spec) {
    List<DayOfWeek> days = new ArrayList<>();
    for (String part : spec.split(",")) {
      String[] range = part.split("-");
      int from = dayIndex(range[0]);
      int to = range.length > 1 ? dayIndex(range[1]) : from;
      if (range.length > 2 || to < from) throw new IllegalArgumentException("星期范围无效：" + part);
      for (int i = from; i <= to; i++) days.add(DayOfWeek.of(i + 1));
    }
    return days;
  }

  private static int dayIndex(String code) {
    for (int i = 0; i < CODES.length; i++) {
      if (CODES[i].toLowerCase(Locale.ROOT).equals(code.strip().toLowerCase(Locale.ROOT))) return i;
    }
    throw new IllegalArgumentException("未知的星期代码（应为 Mo Tu We Th Fr Sa Su）：" + code);
  }

  private static LocalTime parseTime(String s) {
    try {
      String t = s.strip();
      return t.equals("24:00") ? LocalTime.MAX : LocalTime.parse(t.length() == 4 ? "0" + t : t);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("时间无效（应为 HH:MM）：" + s);
    }
  }
}

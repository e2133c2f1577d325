package cn.shegong.portal.stations;

import ch.poole.openinghoursparser.Holiday;
import ch.poole.openinghoursparser.OpeningHoursParseException;
import ch.poole.openinghoursparser.OpeningHoursParser;
import ch.poole.openinghoursparser.Rule;
import ch.poole.openinghoursparser.TimeSpan;
import ch.poole.openinghoursparser.WeekDayRange;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Opening hours in the OpenStreetMap opening_hours syntax, parsed by ch.poole:OpeningHoursParser:
 * {@code "Mo-Fr 09:00-12:00,13:30-17:30; Sa 09:00-12:00; PH off"}. Which days they apply to,
 * holidays and 调休 included, is {@link HoursRules}' work. Empty means "unknown", which is not the
 * same as "closed".
 */
public final class OpeningHours {
  private static final String[] CODES = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};

  public static final OpeningHours UNKNOWN = new OpeningHours("", List.of());

  private final String syntax;
  private final List<Rule> rules;

  /** One weekly opening span, for readers that only know weeks (HSDS schedules, schema.org). */
  public record Interval(DayOfWeek day, LocalTime open, LocalTime close) {}

  private OpeningHours(String syntax, List<Rule> rules) {
    this.syntax = syntax;
    this.rules = List.copyOf(rules);
  }

  /**
   * Weekly spans as hours (no holidays said: closed on public holidays, as every rule without PH).
   */
  public OpeningHours(List<Interval> intervals) {
    OpeningHours parsed = parse(syntaxOf(intervals));
    this.syntax = parsed.syntax;
    this.rules = parsed.rules;
  }

  /**
   * The spans of an ordinary week (a working Monday to Friday, a weekend), holidays and dates
   * aside.
   */
  public List<Interval> intervals() {
    List<Interval> out = new ArrayList<>();
    java.time.LocalDate monday = java.time.LocalDate.of(2024, 1, 8);
    for (int i = 0; i < 7 && known(); i++) {
      ChinaCalendar.Day day =
          new ChinaCalendar.Day(
              monday.plusDays(i),
              i < 5 ? ChinaCalendar.DayType.WORKDAY : ChinaCalendar.DayType.WEEKEND,
              null);
      for (HoursRules.Span s : HoursRules.on(this, day))
        out.add(new Interval(DayOfWeek.of(i + 1), s.open(), s.close()));
    }
    return out;
  }

  private static String syntaxOf(List<Interval> intervals) {
    List<String> perDay = new ArrayList<>();
    for (int day = 1; day <= 7; day++) {
      List<String> spans = new ArrayList<>();
      for (Interval i : intervals) {
        if (i.day().getValue() == day)
          spans.add(
              i.open() + "-" + (i.close().equals(LocalTime.MAX) ? "24:00" : i.close().toString()));
      }
      if (!spans.isEmpty()) perDay.add(CODES[day - 1] + " " + String.join(",", spans));
    }
    return String.join("; ", perDay);
  }

  public boolean known() {
    return !rules.isEmpty();
  }

  List<Rule> rules() {
    return rules;
  }

  /**
   * Parses the syntax; throws IllegalArgumentException with a Chinese message fit for an editor.
   */
  public static OpeningHours parse(String text) {
    if (text == null || text.isBlank()) return UNKNOWN;
    String s = text.strip();
    if (s.length() > 500) throw new IllegalArgumentException("开放时间过长（最多 500 个字符）");
    List<Rule> rules;
    try {
      rules =
          new OpeningHoursParser(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)))
              .rules(false);
    } catch (OpeningHoursParseException e) {
      throw new IllegalArgumentException(
          "开放时间格式有误（第 "
              + e.getColumn()
              + " 个字符附近），应如“Mo-Fr 09:00-17:00; PH off”。"
              + "解析器提示："
              + e.getMessage(),
          e);
    } catch (RuntimeException | Error e) {
      throw new IllegalArgumentException("开放时间格式有误，应如“Mo-Fr 09:00-17:00; PH off”。", e);
    }
    HoursRules.checkSupported(rules);
    return new OpeningHours(s, rules);
  }

  /** Open at this moment, China's holidays and 调休 included. */
  public boolean isOpenAt(ZonedDateTime chinaTime) {
    return HoursRules.isOpenAt(this, ChinaCalendar.current(), chinaTime);
  }

  /** Open every minute of every kind of day, holidays included. */
  public boolean roundTheClock() {
    if (!known()) return false;
    java.time.LocalDate monday = java.time.LocalDate.of(2024, 1, 1);
    List<ChinaCalendar.Day> days = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      days.add(
          new ChinaCalendar.Day(
              monday.plusDays(i),
              i < 5 ? ChinaCalendar.DayType.WORKDAY : ChinaCalendar.DayType.WEEKEND,
              null));
    }
    days.add(new ChinaCalendar.Day(monday, ChinaCalendar.DayType.HOLIDAY, "元旦"));
    return days.stream()
        .allMatch(
            d ->
                HoursRules.on(this, d)
                    .equals(List.of(new HoursRules.Span(LocalTime.MIN, LocalTime.MAX))));
  }

  /** The schedule text, the same syntax {@link #parse} reads. */
  public String toSyntax() {
    return syntax;
  }

  /** One line per rule, in Chinese: "周一至周五 09:00–12:00、13:30–17:30", "法定节假日 休息". */
  public List<String> describeChinese() {
    List<String> lines = new ArrayList<>();
    for (Rule r : rules) lines.add(HoursText.describe(r));
    return lines;
  }

  /** The jsonb form stored in stations.opening_hours: [{"syntax": "…"}]; [] = unknown. */
  public JsonArray toJson() {
    return known() ? new JsonArray().add(new JsonObject().put("syntax", syntax)) : new JsonArray();
  }

  /** Reads the stored form, also the older [{"day":1,"open":"09:00","close":"17:00"}] one. */
  public static OpeningHours fromJson(JsonArray a) {
    if (a == null || a.isEmpty()) return UNKNOWN;
    JsonObject first = a.getJsonObject(0);
    if (first.containsKey("syntax")) return parse(first.getString("syntax"));
    List<String> perDay = new ArrayList<>();
    for (int day = 1; day <= 7; day++) {
      List<String> spans = new ArrayList<>();
      for (int k = 0; k < a.size(); k++) {
        JsonObject o = a.getJsonObject(k);
        if (o.getInteger("day") == day) spans.add(o.getString("open") + "-" + o.getString("close"));
      }
      if (!spans.isEmpty()) perDay.add(CODES[day - 1] + " " + String.join(",", spans));
    }
    return parse(String.join("; ", perDay));
  }

  static DayOfWeek day(ch.poole.openinghoursparser.WeekDay d) {
    return DayOfWeek.of(d.ordinal() + 1);
  }

  static boolean mentionsHoliday(Rule r) {
    return r.getHolidays() != null
        && r.getHolidays().stream().anyMatch(h -> h.getType() == Holiday.Type.PH);
  }

  static List<WeekDayRange> days(Rule r) {
    return r.getDays() == null ? List.of() : r.getDays();
  }

  static List<TimeSpan> times(Rule r) {
    return r.getTimes() == null ? List.of() : r.getTimes();
  }

  static LocalTime time(int minutes) {
    return minutes >= 24 * 60 ? LocalTime.MAX : LocalTime.of(minutes / 60, minutes % 60);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OpeningHours h && h.syntax.equals(syntax);
  }

  @Override
  public int hashCode() {
    return syntax.hashCode();
  }

  @Override
  public String toString() {
    return syntax;
  }
}

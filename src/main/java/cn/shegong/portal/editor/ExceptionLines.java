package cn.shegong.portal.editor;

import cn.shegong.portal.stations.OpeningHours;
import cn.shegong.portal.stations.StationException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A station's exceptions as lines a person types: {@code 2026-10-01 至 2026-10-07 休息 国庆节闭馆} or
 * {@code 2026-02-10 09:00-12:00 春节值班}: the first day, optionally 至 and the last day, the hours of
 * those days (opening_hours syntax without spaces, or 休息) and the reason.
 */
final class ExceptionLines {
  static final int MAX_LINES = 20;
  private static final Set<String> CLOSED = Set.of("休息", "闭馆", "off", "closed");

  /** Parsed lines, or the errors (in Chinese, naming the line). */
  record Parsed(List<StationException> exceptions, List<String> errors) {}

  private ExceptionLines() {}

  static Parsed parse(String text) {
    List<StationException> out = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    String[] lines = text == null ? new String[0] : text.split("\\R");
    int n = 0;
    for (String raw : lines) {
      n++;
      String line = raw.strip();
      if (line.isEmpty()) continue;
      if (out.size() + errors.size() >= MAX_LINES) {
        errors.add("临时调整最多 " + MAX_LINES + " 行");
        break;
      }
      String problem = one(line, out);
      if (problem != null) errors.add("临时调整第 " + n + " 行：" + problem);
    }
    return new Parsed(out, errors);
  }

  private static String one(String line, List<StationException> out) {
    String[] t = line.split("\\s+", 5);
    int i = 0;
    LocalDate from = date(t[i++]);
    if (from == null) return "应以日期开头，如“2026-10-01 至 2026-10-07 休息 国庆节闭馆”";
    LocalDate to = from;
    if (i < t.length && (t[i].equals("至") || t[i].equals("到"))) i++;
    if (i < t.length && date(t[i]) != null) to = date(t[i++]);
    if (to.isBefore(from)) return "结束日期早于开始日期";
    if (ChronoUnit.DAYS.between(from, to) > 366) return "一条调整最长一年";
    if (i >= t.length) return "请写明这些天的开放时间（如 09:00-12:00）或“休息”";
    String hoursText = t[i++];
    OpeningHours hours = OpeningHours.UNKNOWN;
    if (!CLOSED.contains(hoursText)) {
      try {
        hours = OpeningHours.parse(hoursText);
      } catch (IllegalArgumentException e) {
        return e.getMessage();
      }
    }
    String reason =
        i < t.length ? String.join(" ", java.util.Arrays.copyOfRange(t, i, t.length)) : "";
    reason = reason.strip();
    if (reason.isEmpty()) return "请写明原因（如“国庆节闭馆”）";
    if (reason.length() > 200) return "原因最多 200 字";
    out.add(new StationException(from, to, hours, reason));
    return null;
  }

  private static LocalDate date(String s) {
    if (!s.matches("\\d{4}-\\d{2}-\\d{2}")) return null;
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The lines for exceptions, in the form {@link #parse} reads back unchanged. */
  static String format(List<StationException> list) {
    StringBuilder sb = new StringBuilder();
    for (StationException e : list) {
      if (!sb.isEmpty()) sb.append('\n');
      sb.append(e.startsOn());
      if (!e.endsOn().equals(e.startsOn())) sb.append(" 至 ").append(e.endsOn());
      sb.append(' ').append(e.hours().known() ? e.hours().toSyntax() : "休息");
      sb.append(' ').append(e.reason());
    }
    return sb.toString();
  }
}

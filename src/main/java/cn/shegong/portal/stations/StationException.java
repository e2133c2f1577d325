package cn.shegong.portal.stations;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** A temporary closure ({@code hours} empty) or special hours for a date range, with its reason. */
public record StationException(
    LocalDate startsOn, LocalDate endsOn, OpeningHours hours, String reason) {
  /** How many days ahead of today an exception is announced on the page and in the list. */
  public static final int NOTICE_DAYS = 7;

  public boolean covers(LocalDate d) {
    return !d.isBefore(startsOn) && !d.isAfter(endsOn);
  }

  /** A temporary closure: no hours on those days. */
  public boolean closed() {
    return !hours.known();
  }

  /** Current on {@code today} or beginning within the next {@link #NOTICE_DAYS} days. */
  public boolean noticeOn(LocalDate today) {
    return !endsOn.isBefore(today) && !startsOn.isAfter(today.plusDays(NOTICE_DAYS));
  }

  /** "10月1日–10月7日 暂停服务：国庆节装修" or "12月24日 特别开放时间 …：…", for pages. */
  public String text() {
    String days =
        startsOn.getMonthValue()
            + "月"
            + startsOn.getDayOfMonth()
            + "日"
            + (endsOn.equals(startsOn)
                ? ""
                : "–" + endsOn.getMonthValue() + "月" + endsOn.getDayOfMonth() + "日");
    String what = closed() ? "暂停服务" : "特别开放时间 " + String.join("；", hours.describeChinese());
    return days + " " + what + "：" + reason;
  }

  /** The editor API's shape: {"from", "to", "reason", "hours" or "closed": true}. */
  public JsonObject toJson() {
    JsonObject o =
        new JsonObject()
            .put("from", startsOn.toString())
            .put("to", endsOn.toString())
            .put("reason", reason);
    return closed() ? o.put("closed", true) : o.put("hours", hours.toSyntax());
  }

  /**
   * One exception as an editor entered it; {@code hours} empty means closed. Throws
   * IllegalArgumentException with a Chinese message (the hours parser's for bad hours).
   */
  public static StationException of(String from, String to, String reason, String hours) {
    LocalDate start = date(from, "开始日期");
    LocalDate end = to == null || to.isBlank() ? start : date(to, "结束日期");
    if (end.isBefore(start)) throw new IllegalArgumentException("结束日期不能早于开始日期");
    if (ChronoUnit.DAYS.between(start, end) > 366)
      throw new IllegalArgumentException("一条例外最长 366 天");
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > 200)
      throw new IllegalArgumentException("请写明原因（最多 200 字），如“国庆节装修暂停服务”");
    OpeningHours h = OpeningHours.parse(hours);
    return new StationException(start, end, h, why);
  }

  private static LocalDate date(String text, String what) {
    try {
      return LocalDate.parse(text == null ? "" : text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(what + "应为 YYYY-MM-DD 格式的日期");
    }
  }
}

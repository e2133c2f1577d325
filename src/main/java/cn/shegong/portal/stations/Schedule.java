package cn.shegong.portal.stations;

import cn.shegong.portal.stations.ChinaCalendar.DayType;
import cn.shegong.portal.stations.HoursRules.Span;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A station's days from a date: the calendar, its weekly hours and its exceptions together. */
public record Schedule(List<Day> days) {
  private static final String[] WEEKDAYS = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};

  /** {@code intervals} and {@code open} are null when the hours are unknown. */
  public record Day(
      LocalDate date,
      DayType type,
      String holiday,
      List<Span> intervals,
      Boolean open,
      String note) {
    public String weekday() {
      return WEEKDAYS[date.getDayOfWeek().ordinal()];
    }

    /** "国庆节 休息", "调休上班 09:00–17:00", "09:00–12:00、13:30–17:30", "时间未知". */
    public String text() {
      String head =
          type == DayType.HOLIDAY ? holiday + " " : type == DayType.ADJUSTED_WORKDAY ? "调休上班 " : "";
      if (intervals == null) return head + "开放时间未知";
      if (intervals.isEmpty()) return head + "休息";
      return head
          + String.join(
              "、", intervals.stream().map(s -> s.openText() + "–" + s.closeText()).toList());
    }

    JsonObject toJson() {
      JsonArray spans = null;
      if (intervals != null) {
        spans = new JsonArray();
        for (Span s : intervals)
          spans.add(new JsonObject().put("open", s.openText()).put("close", s.closeText()));
      }
      return new JsonObject()
          .put("date", date.toString())
          .put("day_type", type.code())
          .put("holiday", holiday)
          .put("intervals", spans)
          .put("open", open)
          .put("note", note);
    }
  }

  public static Schedule of(
      OpeningHours hours,
      List<StationException> exceptions,
      LocalDate from,
      int days,
      ChinaCalendar cal) {
    List<Day> out = new ArrayList<>();
    for (int i = 0; i < days; i++) {
      ChinaCalendar.Day d = cal.day(from.plusDays(i));
      StationException ex =
          exceptions.stream().filter(e -> e.covers(d.date())).reduce((a, b) -> b).orElse(null);
      List<Span> spans;
      String note = null;
      if (ex != null) {
        spans = ex.hours().known() ? HoursRules.on(ex.hours(), d) : List.of();
        note = ex.reason();
      } else {
        spans = hours.known() ? HoursRules.on(hours, d) : null;
      }
      out.add(
          new Day(
              d.date(),
              d.type(),
              d.holiday(),
              spans,
              spans == null ? null : !spans.isEmpty(),
              note));
    }
    return new Schedule(out);
  }

  public JsonObject toJson(String slug) {
    JsonArray list = new JsonArray();
    days.forEach(d -> list.add(d.toJson()));
    return new JsonObject().put("slug", slug).put("timezone", "Asia/Shanghai").put("days", list);
  }
}

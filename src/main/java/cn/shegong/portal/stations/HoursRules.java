package cn.shegong.portal.stations;

import ch.poole.openinghoursparser.DateRange;
import ch.poole.openinghoursparser.DateWithOffset;
import ch.poole.openinghoursparser.Holiday;
import ch.poole.openinghoursparser.Rule;
import ch.poole.openinghoursparser.RuleModifier;
import ch.poole.openinghoursparser.TimeSpan;
import ch.poole.openinghoursparser.WeekDayRange;
import ch.poole.openinghoursparser.YearRange;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which hours the rules give a calendar day, as opening_hours reads them (a later rule replaces an
 * earlier one for the days it names; "," after a rule adds to it), with China's calendar: on a
 * public holiday only rules that name PH (or the date itself) apply, so a station is closed unless
 * it says otherwise; a 调休 working day is read as a Monday.
 */
public final class HoursRules {
  public record Span(LocalTime open, LocalTime close) {
    public boolean contains(LocalTime t) {
      return !t.isBefore(open) && (close.equals(LocalTime.MAX) || t.isBefore(close));
    }

    public String openText() {
      return open.toString();
    }

    public String closeText() {
      return close.equals(LocalTime.MAX) ? "24:00" : close.toString();
    }
  }

  private HoursRules() {}

  /** The spans the station is open on that day; empty = closed. Only for known hours. */
  public static List<Span> on(OpeningHours hours, ChinaCalendar.Day day) {
    List<Span> current = new ArrayList<>();
    boolean holiday = day.type() == ChinaCalendar.DayType.HOLIDAY;
    DayOfWeek weekday = day.effectiveWeekday();
    for (Rule r : hours.rules()) {
      if (!applies(r, day.date(), weekday, holiday)) continue;
      List<Span> spans = spans(r);
      if (r.isAdditive()) current.addAll(spans);
      else current = new ArrayList<>(spans);
    }
    current.sort(Comparator.comparing(Span::open));
    return List.copyOf(current);
  }

  public static boolean isOpenAt(
      OpeningHours hours, ChinaCalendar calendar, ZonedDateTime chinaTime) {
    if (!hours.known()) return false;
    LocalTime t = chinaTime.toLocalTime();
    return on(hours, calendar.day(chinaTime.toLocalDate())).stream().anyMatch(s -> s.contains(t));
  }

  /** Refuses what the portal cannot evaluate truthfully, in Chinese. */
  static void checkSupported(List<Rule> rules) {
    for (Rule r : rules) {
      if (r.getWeeks() != null && !r.getWeeks().isEmpty()) throw unsupported("按周数（week）设置");
      if (r.getHolidays() != null
          && r.getHolidays().stream().anyMatch(h -> h.getType() != Holiday.Type.PH)) {
        throw unsupported("学校假期（SH），请用 PH 表示法定节假日");
      }
      for (WeekDayRange d : OpeningHours.days(r)) {
        if (d.getNths() != null && !d.getNths().isEmpty()) throw unsupported("“每月第几个星期几”");
      }
      for (TimeSpan t : OpeningHours.times(r)) {
        if (t.getStartEvent() != null || t.getEndEvent() != null) throw unsupported("日出、日落等可变时间");
        if (t.getStart() == TimeSpan.UNDEFINED_TIME)
          throw new IllegalArgumentException("时间段缺少开始时间");
      }
      if (r.getDates() != null) {
        for (DateRange dr : r.getDates()) {
          for (DateWithOffset d : new DateWithOffset[] {dr.getStartDate(), dr.getEndDate()}) {
            if (d != null && (d.getVarDate() != null || d.getNthWeekDay() != null))
              throw unsupported("复活节等可变日期");
          }
        }
      }
    }
  }

  private static IllegalArgumentException unsupported(String what) {
    return new IllegalArgumentException("开放时间暂不支持" + what + "。");
  }

  private static boolean applies(Rule r, LocalDate date, DayOfWeek weekday, boolean holiday) {
    if (r.getYears() != null
        && !r.getYears().isEmpty()
        && r.getYears().stream().noneMatch(y -> inYears(y, date.getYear()))) {
      return false;
    }
    boolean hasDates = r.getDates() != null && !r.getDates().isEmpty();
    if (hasDates && r.getDates().stream().noneMatch(d -> inDates(d, date))) return false;
    boolean hasDays = !OpeningHours.days(r).isEmpty();
    boolean ph = OpeningHours.mentionsHoliday(r);
    if (holiday) return ph || (hasDates && (!hasDays || dayMatches(r, weekday)));
    if (ph && !hasDays) return false;
    return !hasDays || dayMatches(r, weekday);
  }

  private static boolean dayMatches(Rule r, DayOfWeek weekday) {
    for (WeekDayRange range : OpeningHours.days(r)) {
      int from = OpeningHours.day(range.getStartDay()).getValue();
      int to = range.getEndDay() == null ? from : OpeningHours.day(range.getEndDay()).getValue();
      int w = weekday.getValue();
      if (from <= to ? (w >= from && w <= to) : (w >= from || w <= to)) return true;
    }
    return false;
  }

  private static boolean inYears(YearRange y, int year) {
    int end =
        y.getEndYear() == YearRange.UNDEFINED_YEAR
            ? (y.isOpenEnded() ? Integer.MAX_VALUE : y.getStartYear())
            : y.getEndYear();
    return year >= y.getStartYear() && year <= end;
  }

  private static boolean inDates(DateRange range, LocalDate date) {
    DateWithOffset s = range.getStartDate();
    DateWithOffset e = range.getEndDate();
    int year = s.getYear() >= 1900 ? s.getYear() : date.getYear();
    LocalDate from =
        LocalDate.of(year, s.getMonth().ordinal() + 1, s.undefinedDay() ? 1 : s.getDay());
    LocalDate to;
    if (e == null) {
      to = s.undefinedDay() ? from.withDayOfMonth(from.lengthOfMonth()) : from;
      if (s.isOpenEnded()) to = LocalDate.of(year, 12, 31);
    } else {
      int endYear = e.getYear() >= 1900 ? e.getYear() : year;
      int month = e.getMonth() == null ? from.getMonthValue() : e.getMonth().ordinal() + 1;
      LocalDate firstOfEnd = LocalDate.of(endYear, month, 1);
      to =
          e.undefinedDay()
              ? firstOfEnd.withDayOfMonth(firstOfEnd.lengthOfMonth())
              : firstOfEnd.withDayOfMonth(e.getDay());
    }
    if (!to.isBefore(from)) return !date.isBefore(from) && !date.isAfter(to);
    return !date.isBefore(from) || !date.isAfter(to); // Dec 20-Jan 05: across the new year
  }

  private static List<Span> spans(Rule r) {
    RuleModifier m = r.getModifier();
    if (m != null && m.getModifier() != null && m.getModifier() != RuleModifier.Modifier.OPEN)
      return List.of();
    if (r.isTwentyfourseven() || OpeningHours.times(r).isEmpty())
      return List.of(new Span(LocalTime.MIN, LocalTime.MAX));
    List<Span> out = new ArrayList<>();
    for (TimeSpan t : OpeningHours.times(r)) {
      int end =
          t.getEnd() == TimeSpan.UNDEFINED_TIME || t.getEnd() <= t.getStart()
              ? 24 * 60
              : Math.min(t.getEnd(), 24 * 60);
      out.add(new Span(OpeningHours.time(t.getStart()), OpeningHours.time(end)));
    }
    return out;
  }
}

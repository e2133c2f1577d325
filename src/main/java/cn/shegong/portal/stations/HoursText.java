package cn.shegong.portal.stations;

import ch.poole.openinghoursparser.DateRange;
import ch.poole.openinghoursparser.DateWithOffset;
import ch.poole.openinghoursparser.Rule;
import ch.poole.openinghoursparser.RuleModifier;
import ch.poole.openinghoursparser.TimeSpan;
import ch.poole.openinghoursparser.WeekDayRange;
import java.util.ArrayList;
import java.util.List;

/** One opening_hours rule in Chinese, for the station page: "周一至周五 09:00–12:00、13:30–17:30". */
final class HoursText {
  private static final String[] DAYS = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};

  private HoursText() {}

  static String describe(Rule r) {
    if (r.isTwentyfourseven()) return "每天 24 小时";
    List<String> when = new ArrayList<>();
    if (r.getYears() != null) r.getYears().forEach(y -> when.add(y.getStartYear() + "年"));
    if (r.getDates() != null) for (DateRange d : r.getDates()) when.add(date(d));
    List<String> days = new ArrayList<>();
    for (WeekDayRange w : OpeningHours.days(r)) {
      String from = DAYS[w.getStartDay().ordinal()];
      days.add(w.getEndDay() == null ? from : from + "至" + DAYS[w.getEndDay().ordinal()]);
    }
    if (OpeningHours.mentionsHoliday(r)) days.add("法定节假日");
    if (!days.isEmpty()) when.add(String.join("、", days));
    if (when.isEmpty()) when.add("每天");
    String prefix = (r.isAdditive() ? "另外 " : "") + String.join(" ", when);
    RuleModifier m = r.getModifier();
    if (m != null && m.getModifier() != null && m.getModifier() != RuleModifier.Modifier.OPEN)
      return prefix + " 休息";
    if (OpeningHours.times(r).isEmpty()) return prefix + " 全天";
    List<String> spans = new ArrayList<>();
    for (TimeSpan t : OpeningHours.times(r)) {
      int end = t.getEnd() == TimeSpan.UNDEFINED_TIME ? 24 * 60 : t.getEnd();
      spans.add(hm(t.getStart()) + "–" + hm(end));
    }
    return prefix + " " + String.join("、", spans);
  }

  private static String date(DateRange d) {
    String from = one(d.getStartDate());
    return d.getEndDate() == null ? from : from + "至" + one(d.getEndDate());
  }

  private static String one(DateWithOffset d) {
    String year = d.getYear() >= 1900 ? d.getYear() + "年" : "";
    String month = d.getMonth() == null ? "" : (d.getMonth().ordinal() + 1) + "月";
    return year + month + (d.undefinedDay() ? "" : d.getDay() + "日");
  }

  private static String hm(int minutes) {
    return String.format("%02d:%02d", minutes / 60, minutes % 60);
  }
}

package cn.shegong.portal.helplines;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * What a help card shows: the lines to call, each with whether someone answers now. The emergency
 * sentence (如遇紧急危险，请拨打 110 或 120) is part of every card, so a card is never without a number.
 */
public record HelpCard(List<Entry> entries) {
  public record Entry(Helpline line, Boolean answeringNow, String hoursText) {
    public String status() {
      if (answeringNow == null) return "接听时段：" + hoursText;
      return answeringNow
          ? "现在有人接听" + ("24 小时".equals(hoursText) ? "（24 小时）" : "")
          : "现在不在接听时段（" + hoursText + "）";
    }
  }

  static HelpCard of(List<Helpline> lines, ZonedDateTime now) {
    return new HelpCard(
        lines.stream().map(l -> new Entry(l, l.answeringAt(now), l.hoursText())).toList());
  }
}

package cn.shegong.portal.editor;

import cn.shegong.portal.stations.StationException;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The station form's exceptions: one row per stored exception (ticked "删除" to remove it) and one
 * blank row to add a new one. Fields {@code ex0_from}, {@code ex0_to}, {@code ex0_reason}, {@code
 * ex0_hours} (empty = closed), {@code ex0_remove}. Each row is checked by {@link
 * StationException#of}, as the editor API checks its list.
 */
record ExceptionRows(
    List<Map<String, String>> rows, List<StationException> list, List<String> errors) {
  private static final int MAX = 100;

  /** The rows for a stored list, plus one blank row. */
  static List<Map<String, String>> of(List<StationException> stored) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (StationException e : stored)
      rows.add(
          row(e.startsOn().toString(), e.endsOn().toString(), e.reason(), e.hours().toSyntax()));
    rows.add(row("", "", "", ""));
    return rows;
  }

  /** The rows as submitted; null when the form carried none (a form without the section). */
  static ExceptionRows from(RoutingContext ctx) {
    if (ctx.request().getFormAttribute("ex0_from") == null) return null;
    List<Map<String, String>> rows = new ArrayList<>();
    List<StationException> list = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < MAX && ctx.request().getFormAttribute("ex" + i + "_from") != null; i++) {
      String p = "ex" + i + "_";
      Map<String, String> r =
          row(
              Desk.form(ctx, p + "from"),
              Desk.form(ctx, p + "to"),
              Desk.form(ctx, p + "reason"),
              Desk.form(ctx, p + "hours"));
      boolean blank = r.values().stream().allMatch(String::isEmpty);
      if (!Desk.form(ctx, p + "remove").isEmpty() || blank) continue;
      rows.add(r);
      try {
        list.add(StationException.of(r.get("from"), r.get("to"), r.get("reason"), r.get("hours")));
      } catch (IllegalArgumentException e) {
        errors.add("临时安排第 " + rows.size() + " 条：" + e.getMessage());
      }
    }
    rows.add(row("", "", "", ""));
    return new ExceptionRows(rows, list, errors);
  }

  private static Map<String, String> row(String from, String to, String reason, String hours) {
    Map<String, String> r = new LinkedHashMap<>();
    r.put("from", from);
    r.put("to", to);
    r.put("reason", reason);
    r.put("hours", hours);
    return r;
  }
}

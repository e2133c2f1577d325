package cn.shegong.portal.stations;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.common.Params;
import cn.shegong.portal.common.Zones;
import cn.shegong.portal.web.Portal;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** GET /api/stations/{slug}/schedule?from=YYYY-MM-DD&days=N (1–31, default 7), in China time. */
final class ScheduleApi {
  private final Portal portal;

  ScheduleApi(Portal portal) {
    this.portal = portal;
  }

  void mount(Router router) {
    router.get("/api/stations/:slug/schedule").handler(this::schedule);
  }

  /** The station's schedule from a date, for the API and the station page. */
  static Future<Schedule> of(Portal portal, Station s, LocalDate from, int days) {
    return new StationExceptions(portal.pool())
        .between(s.id(), from, from.plusDays(days - 1))
        .map(
            ex -> Schedule.of(s.content().openingHours(), ex, from, days, ChinaCalendar.current()));
  }

  private void schedule(RoutingContext ctx) {
    LocalDate from;
    String given = Params.text(ctx, "from", 20).orElse("");
    try {
      from = given.isEmpty() ? LocalDate.now(Zones.CHINA) : LocalDate.parse(given);
    } catch (DateTimeParseException e) {
      ctx.fail(HttpError.badRequest("from 应为 YYYY-MM-DD 格式的日期"));
      return;
    }
    String daysText = Params.text(ctx, "days", 6).orElse("7");
    int days;
    try {
      days = Integer.parseInt(daysText);
    } catch (NumberFormatException e) {
      days = -1;
    }
    if (days < 1 || days > 31) {
      ctx.fail(HttpError.badRequest("days 应为 1 到 31 之间的整数"));
      return;
    }
    int n = days;
    new StationRepository(portal.pool())
        .findBySlug(ctx.pathParam("slug"))
        .compose(
            found ->
                found
                    .map(Future::succeededFuture)
                    .orElseGet(() -> Future.failedFuture(HttpError.notFound("没有找到这个服务站点。"))))
        .compose(s -> of(portal, s, from, n).map(sch -> sch.toJson(s.slug())))
        .onSuccess(
            json ->
                ctx.response()
                    .putHeader("Content-Type", "application/json; charset=utf-8")
                    .end(json.encode()))
        .onFailure(ctx::fail);
  }
}

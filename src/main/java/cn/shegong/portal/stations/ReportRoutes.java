package cn.shegong.portal.stations;

import cn.shegong.portal.common.ClientAddress;
import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.db.DbFailure;
import cn.shegong.portal.web.Portal;
import cn.shegong.portal.web.SameOrigin;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;

/**
 * "Report a mistake" on a station page. Readers have no session, so the form carries a signed,
 * time-limited token and the request must come from this site (Origin or Referer). Reports are only
 * stored for editors; the station itself does not change.
 */
public final class ReportRoutes {
  static final int MAX_PER_HOUR = 5;

  private final Portal portal;
  private final StationRepository stations;
  private final ReportTokens tokens;
  private final StationPage page;

  ReportRoutes(Portal portal, ReportTokens tokens, StationPage page) {
    this.portal = portal;
    this.stations = new StationRepository(portal.pool());
    this.tokens = tokens;
    this.page = page;
  }

  public void mount(Router router) {
    router
        .post("/stations/:slug/report")
        .handler(BodyHandler.create(false).setBodyLimit(16 * 1024))
        .handler(this::submit);
  }

  private void submit(RoutingContext ctx) {
    if (!sameOrigin(ctx)) {
      ctx.fail(new HttpError(403, "请从本站的站点页面提交纠错信息。"));
      return;
    }
    MultiMap form = ctx.request().formAttributes();
    stations
        .findBySlug(ctx.pathParam("slug"))
        .compose(
            found ->
                found
                    .map(Future::succeededFuture)
                    .orElseGet(
                        () -> Future.failedFuture(HttpError.notFound("没有找到这个服务站点，它可能已被移除或地址有误。"))))
        .compose(
            station ->
                tokens
                    .verify(form.get("token"), station.id(), Instant.now())
                    .compose(
                        ok -> {
                          if (!ok)
                            return Future.failedFuture(
                                new HttpError(403, "表单已过期或无效，请刷新站点页面后重新填写。"));
                          ReportForm report =
                              ReportForm.check(
                                  form.get("field"),
                                  form.get("correct_value"),
                                  form.get("contact"));
                          if (!report.valid()) return page.render(ctx, station, 400, report);
                          String client = ClientAddress.of(ctx, portal.config().trustedProxies());
                          return store(station.id(), report, client)
                              .compose(
                                  stored -> {
                                    if (!stored)
                                      return Future.failedFuture(
                                          new HttpError(429, "您提交得太频繁了，请一小时后再试。感谢您的帮助！"));
                                    ctx.response()
                                        .setStatusCode(303)
                                        .putHeader("Location", station.url() + "?reported=1#report")
                                        .end();
                                    return Future.<Void>succeededFuture();
                                  });
                        }))
        .onFailure(e -> unsaved(ctx, form, e));
  }

  /**
   * The database is away: nothing was stored, so the reader gets back everything they typed, ready
   * to resend.
   */
  private void unsaved(RoutingContext ctx, MultiMap form, Throwable failure) {
    if (!DbFailure.isUnavailable(failure) || ctx.response().headWritten()) {
      ctx.fail(failure);
      return;
    }
    ReportForm typed =
        ReportForm.check(form.get("field"), form.get("correct_value"), form.get("contact"));
    String token = form.get("token");
    ctx.response().putHeader("Retry-After", "30");
    portal
        .pages()
        .render(
            ctx,
            503,
            "stations/report-unsaved.ftlh",
            java.util.Map.of(
                "report",
                typed,
                "reportFields",
                ReportForm.FIELDS,
                "slug",
                ctx.pathParam("slug"),
                "token",
                token == null ? "" : token))
        .onFailure(ctx::fail);
  }

  /**
   * Stores the report unless this client already sent {@link #MAX_PER_HOUR} in the last hour; every
   * process agrees.
   */
  private Future<Boolean> store(long stationId, ReportForm r, String client) {
    return portal
        .pool()
        .withTransaction(
            c ->
                c.preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended($1, 4))")
                    .execute(Tuple.of("station-report:" + client))
                    .compose(
                        locked ->
                            c.preparedQuery(
                                    "SELECT count(*) FROM station_reports WHERE client_key = $1 "
                                        + "AND created_at > now() - interval '1 hour'")
                                .execute(Tuple.of(client)))
                    .compose(
                        rows -> {
                          if (rows.iterator().next().getLong(0) >= MAX_PER_HOUR)
                            return Future.succeededFuture(false);
                          return c.preparedQuery(
                                  "INSERT INTO station_reports (station_id, field, correct_value, contact, client_key) "
                                      + "VALUES ($1, $2, $3, $4, $5)")
                              .execute(
                                  Tuple.of(
                                      stationId, r.field(), r.correctValue(), r.contact(), client))
                              .map(done -> true);
                        }));
  }

  /**
   * The browser says where the form came from; it must be this site (its public URL or the Host it
   * was sent to).
   */
  private boolean sameOrigin(RoutingContext ctx) {
    return SameOrigin.check(ctx, portal.config().publicBaseUrl());
  }
}

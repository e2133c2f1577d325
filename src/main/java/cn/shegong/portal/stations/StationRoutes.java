package cn.shegong.portal.stations;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.db.DbFailure;
import cn.shegong.portal.web.Portal;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The service map: the station list ({@link StationListPage}), each station's page, the report
 * form, the open-data API and Leaflet itself.
 */
public final class StationRoutes {
  private final Portal portal;
  private final StationRepository stations;
  private final StationSearch search;
  private final StationListPage list;
  private final StationPage page;
  private final ReportTokens tokens;

  public StationRoutes(Portal portal, StationArticles articles) {
    this.portal = portal;
    this.stations = new StationRepository(portal.pool());
    this.search =
        new StationSearch(portal.vertx(), portal.pool(), portal.database().changes().stations());
    this.list = new StationListPage(portal, search);
    this.tokens = new ReportTokens(portal.pool());
    this.page = new StationPage(portal, tokens, articles);
  }

  public void mount(Router router) {
    search.warmUp();
    router.get("/stations").handler(list::handle);
    router.get("/stations/:slug").handler(this::show);
    new ReportRoutes(portal, tokens, page).mount(router);
    new StationHistoryRoutes(portal, stations).mount(router);
    new StationFeedRoutes(portal).mount(router);
    new StationApi(portal, search).mount(router);
    new ScheduleApi(portal).mount(router);
    router
        .route("/webjars/leaflet/*")
        .handler(
            StaticHandler.create("META-INF/resources/webjars/leaflet").setMaxAgeSeconds(86_400));
  }

  private void show(RoutingContext ctx) {
    boolean reported = ctx.queryParam("reported").contains("1");
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
                page.render(ctx, station, 200, reported ? ReportForm.SENT : ReportForm.EMPTY))
        .onFailure(e -> keptOrFail(ctx, e));
  }

  /**
   * While the database is away: the page as last answered, else the station as the in-memory copy
   * holds it, else the error (503).
   */
  private void keptOrFail(RoutingContext ctx, Throwable e) {
    if (DbFailure.isUnavailable(e) && !ctx.response().headWritten()) {
      if (portal.pages().kept().serveStale(ctx)) return;
      var kept = search.kept(ctx.pathParam("slug"));
      if (kept.isPresent()) {
        page.renderKept(ctx, kept.get().station(), kept.get().at())
            .onFailure(
                x -> {
                  if (!ctx.response().headWritten()) ctx.fail(e);
                });
        return;
      }
    }
    ctx.fail(e);
  }
}

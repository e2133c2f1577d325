package cn.shegong.portal.stations;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.common.Pagination;
import cn.shegong.portal.common.Params;
import cn.shegong.portal.common.Zones;
import cn.shegong.portal.db.DbFailure;
import cn.shegong.portal.web.Portal;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.HashMap;
import java.util.Map;

/**
 * The service map: the station list (filters in the query string, works without JavaScript) with
 * the map as an enhancement, each station's page, the report form, the open-data API and Leaflet
 * itself.
 */
public final class StationRoutes {
  static final int PAGE_SIZE = 20;

  private final Portal portal;
  private final StationRepository stations;
  private final StationSearch search;
  private final StationFacets facets;
  private final StationPage page;
  private final ReportTokens tokens;

  public StationRoutes(Portal portal, StationArticles articles) {
    this.portal = portal;
    this.stations = new StationRepository(portal.pool());
    this.search = new StationSearch(portal.vertx(), portal.pool(), portal.stationsVersion());
    this.facets = new StationFacets(portal.pool());
    this.tokens = new ReportTokens(portal.pool());
    this.page = new StationPage(portal, tokens, articles);
  }

  public void mount(Router router) {
    search.warmUp();
    router.get("/stations").handler(this::list);
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

  private void list(RoutingContext ctx) {
    StationFilter filter = StationFilter.from(ctx);
    int pageNo = Params.page(ctx);
    if (Params.text(ctx, "from", 10).filter("place"::equals).isPresent()) {
      nearestToPlace(ctx, filter);
      return;
    }
    java.util.Optional<OpenFilter> open = OpenFilter.from(ctx);
    Future<java.util.List<StationSearch.Hit>> openHits =
        open.isEmpty()
            ? Future.succeededFuture(null)
            : search
                .find(filter, 0, OpenFilter.MAX_SCANNED)
                .compose(all -> open.get().keep(portal.pool(), all));
    Future.all(
            openHits.compose(
                o -> o == null ? search.count(filter) : Future.succeededFuture((long) o.size())),
            facets.get())
        .compose(
            both -> {
              long total = both.resultAt(0);
              Pagination p = new Pagination(pageNo, PAGE_SIZE, total);
              java.util.List<StationSearch.Hit> kept = openHits.result();
              Future<java.util.List<StationSearch.Hit>> page =
                  kept == null
                      ? search.find(filter, p.offset(), PAGE_SIZE)
                      : Future.succeededFuture(
                          kept.subList(
                              (int) Math.min(p.offset(), kept.size()),
                              (int) Math.min(kept.size(), p.offset() + PAGE_SIZE)));
              return page.compose(hits -> notices(hits).map(n -> new Object[] {hits, n}))
                  .compose(
                      parts -> {
                        @SuppressWarnings("unchecked")
                        java.util.List<StationSearch.Hit> hits =
                            (java.util.List<StationSearch.Hit>) parts[0];
                        Map<String, Object> model = new HashMap<>();
                        model.put("openFilter", open.isPresent());
                        model.put("notices", parts[1]);
                        model.put("hits", hits);
                        model.put("pagination", p);
                        model.put("filter", filter);
                        String q = filter.queryString();
                        // open_at is for the API; the page's checkbox is "open now"
                        model.put(
                            "query",
                            open.isEmpty() ? q : q + (q.isEmpty() ? "" : "&") + "open_now=true");
                        model.put("facets", both.resultAt(1));
                        model.put("kinds", StationKind.values());
                        model.put("feedLinks", StationFeedRoutes.links(filter.kind()));
                        model.put("mapTiles", portal.config().mapTilesUrl());
                        model.put("mapAttribution", portal.config().mapTilesAttribution());
                        return portal.pages().render(ctx, "stations/list.ftlh", model);
                      });
            })
        .onFailure(ctx::fail);
  }

  /** Each listed station's exceptions current or soon to begin, as lines for the page, by id. */
  private Future<Map<String, java.util.List<String>>> notices(
      java.util.List<StationSearch.Hit> hits) {
    return new StationExceptions(portal.pool())
        .noticesOn(
            hits.stream().map(h -> h.station().id()).toList(), java.time.LocalDate.now(Zones.CHINA))
        .map(
            byId -> {
              Map<String, java.util.List<String>> out = new HashMap<>();
              byId.forEach(
                  (id, list) ->
                      out.put(
                          String.valueOf(id), list.stream().map(StationException::text).toList()));
              return out;
            });
  }

  /**
   * The place picker's "nearest to here": the centre of the chosen place's stations becomes near=.
   */
  private void nearestToPlace(RoutingContext ctx, StationFilter filter) {
    if (!filter.hasPlace()) {
      ctx.fail(HttpError.badRequest("请先选择省份、城市或区县，再查找离那里最近的站点。"));
      return;
    }
    search
        .centroid(filter.province(), filter.city(), filter.district())
        .onSuccess(
            c -> {
              if (c.isEmpty()) {
                ctx.fail(HttpError.badRequest("所选地区暂无带位置信息的站点，请换一个地区。"));
                return;
              }
              double[] at = c.get();
              NearbyQuery near =
                  new NearbyQuery(
                      at[0], at[1], filter.near() == null ? null : filter.near().radiusKm());
              ctx.response()
                  .setStatusCode(303)
                  .putHeader(
                      "Location", "/stations?" + filter.nearInsteadOfPlace(near).queryString())
                  .end();
            })
        .onFailure(ctx::fail);
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

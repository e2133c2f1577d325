package cn.shegong.portal.stations;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.common.Pagination;
import cn.shegong.portal.common.Params;
import cn.shegong.portal.common.Zones;
import cn.shegong.portal.db.DbFailure;
import cn.shegong.portal.web.Portal;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The station list (/stations): filters in the query string, works without JavaScript, the map as
 * an enhancement. While the database is away it answers from the copy kept in memory, with the same
 * stations in the same order, and says that temporary closures cannot be shown.
 */
final class StationListPage {
  static final int PAGE_SIZE = 20;

  private final Portal portal;
  private final StationSearch search;
  private final StationFacets facets;

  StationListPage(Portal portal, StationSearch search) {
    this.portal = portal;
    this.search = search;
    this.facets = new StationFacets(portal.pool());
  }

  void handle(RoutingContext ctx) {
    StationFilter filter = StationFilter.from(ctx);
    int pageNo = Params.page(ctx);
    if (Params.text(ctx, "from", 10).filter("place"::equals).isPresent()) {
      nearestToPlace(ctx, filter);
      return;
    }
    Optional<OpenFilter> open = OpenFilter.from(ctx);
    Future<List<StationSearch.Hit>> openHits =
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
              Pagination p = new Pagination(pageNo, PAGE_SIZE, both.resultAt(0));
              List<StationSearch.Hit> kept = openHits.result();
              Future<List<StationSearch.Hit>> page =
                  kept == null
                      ? search.find(filter, p.offset(), PAGE_SIZE)
                      : Future.succeededFuture(
                          kept.subList(
                              (int) Math.min(p.offset(), kept.size()),
                              (int) Math.min(kept.size(), p.offset() + PAGE_SIZE)));
              return page.compose(
                  hits ->
                      notices(hits)
                          .compose(
                              n -> {
                                Map<String, Object> model =
                                    model(filter, open.isPresent(), p, hits, both.resultAt(1));
                                model.put("notices", n);
                                return portal.pages().render(ctx, "stations/list.ftlh", model);
                              }));
            })
        .onFailure(e -> keptOrFail(ctx, filter, pageNo, open.isPresent(), e));
  }

  /**
   * While the database is away: the page as last answered, else the page from the copy kept in
   * memory, else the error (503). "Open now" needs the exceptions, which the copy does not hold.
   */
  private void keptOrFail(
      RoutingContext ctx, StationFilter filter, int pageNo, boolean open, Throwable e) {
    if (!DbFailure.isUnavailable(e) || ctx.response().headWritten() || open) {
      ctx.fail(e);
      return;
    }
    if (portal.pages().kept().serveStale(ctx)) return;
    int offset = new Pagination(pageNo, PAGE_SIZE, 0).offset();
    search
        .kept(filter, offset, PAGE_SIZE)
        .compose(
            kept -> {
              if (kept.isEmpty()) return Future.failedFuture(e);
              StationSearch.KeptPage k = kept.get();
              return search
                  .keptFacets()
                  .compose(
                      f -> {
                        Pagination p = new Pagination(pageNo, PAGE_SIZE, k.total());
                        Map<String, Object> model =
                            model(filter, false, p, k.hits(), f.orElseThrow());
                        model.put("notices", Map.of());
                        model.put("exceptionsUnknown", true);
                        return portal.pages().renderKept(ctx, "stations/list.ftlh", model, k.at());
                      });
            })
        .onFailure(
            x -> {
              if (!ctx.response().headWritten()) ctx.fail(e);
            });
  }

  private Map<String, Object> model(
      StationFilter filter,
      boolean open,
      Pagination p,
      List<StationSearch.Hit> hits,
      StationFacets.Snapshot pickers) {
    Map<String, Object> model = new HashMap<>();
    model.put("openFilter", open);
    model.put("hits", hits);
    model.put("pagination", p);
    model.put("filter", filter);
    String q = filter.queryString();
    // open_at is for the API; the page's checkbox is "open now"
    model.put("query", !open ? q : q + (q.isEmpty() ? "" : "&") + "open_now=true");
    model.put("facets", pickers);
    model.put("kinds", StationKind.values());
    model.put("feedLinks", StationFeedRoutes.links(filter.kind()));
    model.put("mapTiles", portal.config().mapTilesUrl());
    model.put("mapAttribution", portal.config().mapTilesAttribution());
    return model;
  }

  /** Each listed station's exceptions current or soon to begin, as lines for the page, by id. */
  private Future<Map<String, List<String>>> notices(List<StationSearch.Hit> hits) {
    return new StationExceptions(portal.pool())
        .noticesOn(
            hits.stream().map(h -> h.station().id()).toList(), java.time.LocalDate.now(Zones.CHINA))
        .map(
            byId -> {
              Map<String, List<String>> out = new HashMap<>();
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
}

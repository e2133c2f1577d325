package cn.shegong.portal.stations;

import cn.shegong.portal.common.Params;
import cn.shegong.portal.db.DbFailure;
import cn.shegong.portal.stations.StationSearch.Hit;
import cn.shegong.portal.web.Portal;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/** Open data: the stations as JSON, GeoJSON and HSDS-aligned CSV, with the list's filters. */
public final class StationApi {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 1000;
  static final int MAX_CSV_ROWS = 100_000;

  private final Portal portal;
  private final StationSearch search;
  private final StationJsonFragments fragments;
  private final StationCsvExport csv;

  StationApi(Portal portal, StationSearch search) {
    this.portal = portal;
    this.search = search;
    this.fragments = new StationJsonFragments(portal.config().publicBaseUrl());
    this.csv = new StationCsvExport(portal.vertx(), search, portal.stationsVersion());
  }

  public void mount(Router router) {
    router.get("/api/stations").handler(this::json);
    router.get("/api/stations.geojson").handler(this::geojson);
    router.get("/api/stations.csv").handler(this::csv);
  }

  private void json(RoutingContext ctx) {
    Page page = page(ctx, DEFAULT_LIMIT, MAX_LIMIT);
    fetch(page)
        .onSuccess(
            result ->
                StationExports.send(
                    ctx,
                    "application/json; charset=utf-8",
                    fragments.list(result.total(), page.limit(), page.offset(), result.hits())))
        .onFailure(e -> keptOrFail(ctx, page, e));
  }

  /**
   * While the database is away: the answer as last given, else "near me" from the located copy last
   * loaded (marked stale like every kept answer), else the error (503).
   */
  private void keptOrFail(RoutingContext ctx, Page page, Throwable e) {
    if (DbFailure.isUnavailable(e) && !ctx.response().headWritten() && page.open().isEmpty()) {
      if (portal.pages().kept().serveStale(ctx)) return;
      var kept = search.kept(page.filter(), page.offset(), page.limit());
      if (kept.isPresent()) {
        ctx.response()
            .setStatusCode(200)
            .putHeader("Content-Type", "application/json; charset=utf-8")
            .putHeader("Warning", "110 - \"stale\"")
            .putHeader("X-Portal-Stale", kept.get().at().toString())
            .putHeader("Cache-Control", "no-store")
            .end(
                fragments.list(kept.get().total(), page.limit(), page.offset(), kept.get().hits()));
        return;
      }
    }
    ctx.fail(e);
  }

  private void geojson(RoutingContext ctx) {
    Page page = page(ctx, DEFAULT_LIMIT, MAX_LIMIT);
    fetch(page)
        .onSuccess(
            result -> {
              JsonArray features = new JsonArray();
              for (Hit h : result.hits())
                features.add(StationExports.feature(h, portal.config().publicBaseUrl()));
              JsonObject body =
                  new JsonObject()
                      .put("type", "FeatureCollection")
                      .put("total", result.total())
                      .put("limit", page.limit())
                      .put("offset", page.offset())
                      .put("features", features);
              StationExports.send(ctx, "application/geo+json; charset=utf-8", body.encode());
            })
        .onFailure(ctx::fail);
  }

  private void csv(RoutingContext ctx) {
    // the CSV is the whole data set unless asked for less
    Page page = page(ctx, MAX_CSV_ROWS, MAX_CSV_ROWS);
    if (page.open().isPresent()) {
      // opening hours are not part of the kept encodings: filtered here from the search's hits
      fetch(page)
          .compose(
              r -> portal.vertx().executeBlocking(() -> StationCsvExport.encode(r.hits()), false))
          .onSuccess(
              encoded -> {
                ctx.response()
                    .putHeader("Content-Disposition", "inline; filename=\"stations.csv\"");
                StationExports.send(ctx, StationCsvExport.CONTENT_TYPE, encoded.body());
              })
          .onFailure(ctx::fail);
    } else {
      csv.send(ctx, page.filter(), page.offset(), page.limit());
    }
  }

  private record Page(StationFilter filter, int limit, int offset, Optional<OpenFilter> open) {}

  private record Result(long total, List<Hit> hits) {}

  private static Page page(RoutingContext ctx, int defaultLimit, int maxLimit) {
    StationFilter filter = StationFilter.from(ctx);
    int limit = Params.integer(ctx, "limit", defaultLimit, 1, maxLimit);
    int offset = Params.integer(ctx, "offset", 0, 0, 10_000_000);
    return new Page(filter, limit, offset, OpenFilter.from(ctx));
  }

  private Future<Result> fetch(Page p) {
    if (p.open().isPresent()) {
      return search
          .find(p.filter(), 0, OpenFilter.MAX_SCANNED)
          .compose(all -> p.open().get().keep(portal.pool(), all))
          .map(
              open ->
                  new Result(
                      open.size(),
                      open.subList(
                          Math.min(p.offset(), open.size()),
                          Math.min(open.size(), p.offset() + p.limit()))));
    }
    return search
        .count(p.filter())
        .compose(
            total ->
                search
                    .find(p.filter(), p.offset(), p.limit())
                    .map(hits -> new Result(total, hits)));
  }
}

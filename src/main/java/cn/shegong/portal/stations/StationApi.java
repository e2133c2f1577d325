package cn.shegong.portal.stations;

import cn.shegong.portal.common.Params;
import cn.shegong.portal.db.DbFailure;
import cn.shegong.portal.stations.StationSearch.Hit;
import cn.shegong.portal.web.Portal;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
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
  private static final String JSON = "application/json; charset=utf-8";
  private static final String GEOJSON = "application/geo+json; charset=utf-8";

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
    send(ctx, JSON, (total, p, hits) -> fragments.list(total, p.limit(), p.offset(), hits));
  }

  private void geojson(RoutingContext ctx) {
    send(
        ctx,
        GEOJSON,
        (total, p, hits) -> {
          JsonArray features = new JsonArray();
          for (Hit h : hits)
            features.add(StationExports.feature(h, portal.config().publicBaseUrl()));
          return new JsonObject()
              .put("type", "FeatureCollection")
              .put("total", total)
              .put("limit", p.limit())
              .put("offset", p.offset())
              .put("features", features)
              .toBuffer();
        });
  }

  /**
   * One answer's body from a total and a page of hits: the same for PostgreSQL's and the copy's.
   */
  private interface Body {
    Buffer of(long total, Page page, List<Hit> hits);
  }

  private void send(RoutingContext ctx, String type, Body body) {
    Page page = page(ctx, DEFAULT_LIMIT, MAX_LIMIT);
    fetch(page)
        .onSuccess(
            result -> StationExports.send(ctx, type, body.of(result.total(), page, result.hits())))
        .onFailure(e -> keptOrFail(ctx, page, e, type, body));
  }

  /**
   * While the database is away: the answer as last given, else the page from the copy kept in
   * memory (marked stale like every kept answer), else the error (503). Free text and "open now"
   * need PostgreSQL.
   */
  private void keptOrFail(RoutingContext ctx, Page page, Throwable e, String type, Body body) {
    if (DbFailure.isUnavailable(e) && !ctx.response().headWritten() && page.open().isEmpty()) {
      if (portal.pages().kept().serveStale(ctx)) return;
      search
          .kept(page.filter(), page.offset(), page.limit())
          .onComplete(
              done -> {
                if (ctx.response().headWritten()) return;
                if (done.failed() || done.result().isEmpty()) {
                  ctx.fail(e);
                  return;
                }
                StationSearch.KeptPage kept = done.result().get();
                ctx.response()
                    .setStatusCode(200)
                    .putHeader("Content-Type", type)
                    .putHeader("Warning", "110 - \"stale\"")
                    .putHeader("X-Portal-Stale", kept.at().toString())
                    .putHeader("Cache-Control", "no-store")
                    .end(body.of(kept.total(), page, kept.hits()));
              });
      return;
    }
    ctx.fail(e);
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

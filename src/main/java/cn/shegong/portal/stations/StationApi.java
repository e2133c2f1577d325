package cn.shegong.portal.stations;

import cn.shegong.portal.web.Portal;
import cn.shegong.portal.common.Params;
import cn.shegong.portal.stations.StationSearch.Hit;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** Open data: the stations as JSON, GeoJSON and HSDS-aligned CSV, with the list's filters. */
public final class StationApi {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 1000;
  static final int MAX_CSV_ROWS = 100_000;

  private final Portal portal;
  private final StationSearch search;
  private final StationJsonFragments fragments;

  StationApi(Portal portal, StationSearch search) {
    this.portal = portal;
    this.search = search;
    this.fragments = new StationJsonFragments(portal.config().publicBaseUrl());
  }

  public void mount(Router router) {
    router.get("/api/stations").handler(this::json);
    router.get("/api/stations.geojson").handler(this::geojson);
    router.get("/api/stations.csv").handler(this::csv);
  }

  private void json(RoutingContext ctx) {
    Page page = page(ctx, DEFAULT_LIMIT, MAX_LIMIT);
    fetch(page).onSuccess(result -> StationExports.send(ctx, "application/json; charset=utf-8",
        fragments.list(result.total(), page.limit(), page.offset(), result.hits()))).onFailure(ctx::fail);
  }

  private void geojson(RoutingContext ctx) {
    Page page = page(ctx, DEFAULT_LIMIT, MAX_LIMIT);
    fetch(page).onSuccess(result -> {
      JsonArray features = new JsonArray();
      for (Hit h : result.hits()) features.add(StationExports.feature(h, portal.config().publicBaseUrl()));
      JsonObject body = new JsonObject().put("type", "FeatureCollection").put("total", result.total())
          .put("limit", page.limit()).put("offset", page.offset()).put("features", features);
      StationExports.send(ctx, "application/geo+json; charset=utf-8", body.encode());
    }).onFailure(ctx::fail);
  }

  private void csv(RoutingContext ctx) {
    // the CSV is the whole data set unless asked for less
    Page page = page(ctx, MAX_CSV_ROWS, MAX_CSV_ROWS);
    search.find(page.filter(), page.offset(), page.limit())
        .onSuccess(hits -> {
          ctx.response().putHeader("Content-Disposition", "inline; filename=\"stations.csv\"");
          StationExports.send(ctx, "text/csv; charset=utf-8; header=present", StationExports.csv(hits));
        })
        .onFailure(ctx::fail);
  }

  private record Page(StationFilter filter, int limit, int offset) {}

  private record Result(long total, List<Hit> hits) {}

  private static Page page(RoutingContext ctx, int defaultLimit, int maxLimit) {
    StationFilter filter = StationFilter.from(ctx);
    int limit = Params.integer(ctx, "limit", defaultLimit, 1, maxLimit);
    int offset = Params.integer(ctx, "offset", 0, 0, 10_000_000);
    return new Page(filter, limit, offset);
  }

  private Future<Result> fetch(Page p) {
    return search.count(p.filter())
        .compose(total -> search.find(p.filter(), p.offset(), p.limit()).map(hits -> new Result(total, hits)));
  }
}

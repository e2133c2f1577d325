package cn.shegong.portal.hsds;

import cn.shegong.portal.stations.Station;
import cn.shegong.portal.stations.StationCatalog;
import cn.shegong.portal.stations.StationCatalog.Filter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Function;

/**
 * format=ndjson: every result, one JSON object per line, without pages. Stations are read in keyset
 * batches and written as the client takes them (the next batch waits while the write queue is
 * full), so a whole table never sits in memory.
 */
final class HsdsStream {
  static final String CONTENT_TYPE = "application/x-ndjson; charset=utf-8";
  static final int BATCH = 500;

  private final StationCatalog catalog;

  HsdsStream(StationCatalog catalog) {
    this.catalog = catalog;
  }

  void stations(RoutingContext ctx, Filter filter, Function<Station, JsonObject> shape) {
    HttpServerResponse r = ctx.response().setChunked(true).putHeader("Content-Type", CONTENT_TYPE);
    next(ctx, r, filter, shape, null);
  }

  private void next(
      RoutingContext ctx,
      HttpServerResponse r,
      Filter filter,
      Function<Station, JsonObject> shape,
      String after) {
    if (r.closed()) return;
    catalog
        .after(filter, after, BATCH)
        .onSuccess(
            list -> {
              Buffer b = Buffer.buffer();
              for (Station s : list) b.appendString(shape.apply(s).encode()).appendString("\n");
              if (list.size() < BATCH) {
                r.end(b);
                return;
              }
              r.write(b);
              String last = list.get(list.size() - 1).slug();
              if (r.writeQueueFull()) r.drainHandler(v -> next(ctx, r, filter, shape, last));
              else next(ctx, r, filter, shape, last);
            })
        .onFailure(
            e -> {
              if (r.headWritten()) r.reset();
              else ctx.fail(e);
            });
  }

  /** A short list already in memory. */
  static void lines(RoutingContext ctx, List<JsonObject> all) {
    Buffer b = Buffer.buffer();
    for (JsonObject o : all) b.appendString(o.encode()).appendString("\n");
    ctx.response().putHeader("Content-Type", CONTENT_TYPE).end(b);
  }
}

package cn.shegong.portal.stations;

import cn.shegong.portal.common.Csv;
import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.db.ContentVersions;
import cn.shegong.portal.web.KeptAnswers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The open-data CSV, encoded once per stations version and filter on a worker thread and shared by
 * every download of it (ten readers of the whole file cost one encoding and one copy), then written
 * in slices as fast as each reader takes them. At most {@link #MAX_KEPT} encodings are kept, and at
 * most {@link #MAX_ENCODING} different ones are built at once; beyond that a reader is asked to
 * retry (503).
 */
final class StationCsvExport {
  static final int MAX_KEPT = 4;
  static final int MAX_ENCODING = 3;
  static final int SLICE = 64 * 1024;
  static final String CONTENT_TYPE = "text/csv; charset=utf-8; header=present";

  /** One encoded answer with its ETag. */
  record Encoded(Buffer body, String etag) {}

  private final Vertx vertx;
  private final StationSearch search;
  private final Supplier<ContentVersions.Stations> stationsVersion;
  private final Map<List<Object>, Future<Encoded>> kept = new LinkedHashMap<>(8, 0.75f, true);
  private final Map<List<Object>, Future<Encoded>> inFlight = new HashMap<>();

  StationCsvExport(
      Vertx vertx, StationSearch search, Supplier<ContentVersions.Stations> stationsVersion) {
    this.vertx = vertx;
    this.search = search;
    this.stationsVersion = stationsVersion;
  }

  void send(RoutingContext ctx, StationFilter filter, int offset, int limit) {
    encoded(filter, offset, limit)
        .onSuccess(
            e -> {
              HttpServerResponse resp = ctx.response();
              resp.putHeader("Content-Disposition", "inline; filename=\"stations.csv\"");
              resp.putHeader("ETag", e.etag())
                  .putHeader("Cache-Control", StationExports.CACHE_CONTROL)
                  .putHeader("Access-Control-Allow-Origin", "*");
              if (StationExports.matches(ctx.request().getHeader("If-None-Match"), e.etag())) {
                resp.setStatusCode(304).end();
                return;
              }
              KeptAnswers.keepFor(ctx, CONTENT_TYPE, e.body());
              resp.putHeader("Content-Type", CONTENT_TYPE)
                  .putHeader("Content-Length", String.valueOf(e.body().length()));
              write(resp, e.body(), 0);
            })
        .onFailure(ctx::fail);
  }

  /** Writes slices while the connection takes them, and goes on when it has drained. */
  private static void write(HttpServerResponse resp, Buffer body, int from) {
    int at = from;
    while (at < body.length() && !resp.writeQueueFull()) {
      int to = Math.min(at + SLICE, body.length());
      resp.write(body.slice(at, to));
      at = to;
    }
    if (at >= body.length()) {
      resp.end();
      return;
    }
    int next = at;
    resp.drainHandler(v -> write(resp, body, next));
  }

  /**
   * A kept encoding of this version, else the one being built for the same filter (a reader
   * arriving while it is built gets what was current when it started, as if it had come a moment
   * earlier), else a new one. Called on the event loop only, so the maps need no lock.
   */
  private Future<Encoded> encoded(StationFilter filter, int offset, int limit) {
    ContentVersions.Stations version = stationsVersion.get();
    List<Object> what = List.of(filter, offset, limit);
    List<Object> key = version == null ? null : List.of(version, what);
    Future<Encoded> known = key == null ? null : kept.get(key);
    if (known != null) return known;
    Future<Encoded> building = inFlight.get(what);
    if (building != null) return building;
    if (inFlight.size() >= MAX_ENCODING) {
      return Future.failedFuture(new HttpError(503, "开放数据导出正忙，请稍后再试。"));
    }
    Future<Encoded> f =
        search
            .find(filter, offset, limit)
            .compose(hits -> vertx.executeBlocking(() -> encode(hits), false));
    inFlight.put(what, f);
    f.onComplete(
        done -> {
          inFlight.remove(what);
          if (done.failed() || key == null) return;
          kept.keySet().removeIf(k -> !k.get(0).equals(version));
          kept.put(key, f);
          if (kept.size() > MAX_KEPT) kept.remove(kept.keySet().iterator().next());
        });
    return f;
  }

  /**
   * Line by line into one buffer, hashing as it goes: no whole-file string and no second copy for
   * the ETag.
   */
  static Encoded encode(List<StationSearch.Hit> hits) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
    Buffer body = Buffer.buffer(256 * (hits.size() + 1));
    append(body, sha, Csv.line(StationCsvFormat.COLUMNS));
    for (StationSearch.Hit h : hits) append(body, sha, Csv.line(StationCsvFormat.row(h.station())));
    return new Encoded(body, "\"" + HexFormat.of().formatHex(sha.digest()).substring(0, 32) + "\"");
  }

  private static void append(Buffer body, MessageDigest sha, String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    sha.update(bytes);
    body.appendBytes(bytes);
  }
}

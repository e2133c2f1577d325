package cn.shegong.portal.stations;

import cn.shegong.portal.stations.StationSearch.Hit;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON of /api/stations, assembled from each station's encoded fields, which are kept (UTF-8,
 * split where {@code distance_km} goes) for as long as the station is unchanged: "near me" differs
 * in every request, the stations it returns mostly do not, and encoding them was most of the cost
 * of answering it.
 */
final class StationJsonFragments {
  private static final int MAX_KEPT = 200_000;
  private static final byte[] DISTANCE = ",\"distance_km\":".getBytes(StandardCharsets.UTF_8);

  private record Fragment(Station station, byte[] head, byte[] tail) {}

  private final ConcurrentHashMap<Long, Fragment> kept = new ConcurrentHashMap<>();
  private final String baseUrl;

  StationJsonFragments(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /**
   * The same document as {@code {"total", "limit", "offset", "stations": [StationExports.json(hit)
   * …]}}.
   */
  Buffer list(long total, int limit, int offset, List<Hit> hits) {
    Buffer out = Buffer.buffer(256 + hits.size() * 700);
    out.appendString(
        "{\"total\":"
            + total
            + ",\"limit\":"
            + limit
            + ",\"offset\":"
            + offset
            + ",\"stations\":[");
    for (int i = 0; i < hits.size(); i++) {
      if (i > 0) out.appendByte((byte) ',');
      append(out, hits.get(i));
    }
    return out.appendString("]}");
  }

  private void append(Buffer out, Hit h) {
    Fragment f = fragment(h.station());
    out.appendBytes(f.head());
    if (h.distanceKm() != null) {
      out.appendBytes(DISTANCE)
          .appendString(Double.toString(Math.round(h.distanceKm() * 1000) / 1000.0));
    }
    out.appendBytes(f.tail());
  }

  private Fragment fragment(Station s) {
    Fragment f = kept.get(s.id());
    if (f != null && (f.station() == s || f.station().equals(s))) return f;
    // the fields before distance_km without the closing brace; the fields after it, opened by a
    // comma
    String head = StationExports.head(s).encode();
    String tail = StationExports.properties(new JsonObject(), s, baseUrl).encode();
    f =
        new Fragment(
            s,
            head.substring(0, head.length() - 1).getBytes(StandardCharsets.UTF_8),
            ("," + tail.substring(1)).getBytes(StandardCharsets.UTF_8));
    if (kept.size() >= MAX_KEPT) kept.clear();
    kept.put(s.id(), f);
    return f;
  }
}

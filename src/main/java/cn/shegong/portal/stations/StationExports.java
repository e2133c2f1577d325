package cn.shegong.portal.stations;

import cn.shegong.portal.stations.StationSearch.Hit;
import cn.shegong.portal.web.KeptAnswers;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The open-data shapes of a station, and sending them with an ETag so unchanged data costs one 304.
 */
public final class StationExports {
  static final String CACHE_CONTROL = "public, max-age=300";

  private StationExports() {}

  static JsonObject json(Hit h, String baseUrl) {
    JsonObject o = head(h.station());
    if (h.distanceKm() != null) o.put("distance_km", Math.round(h.distanceKm() * 1000) / 1000.0);
    return properties(o, h.station(), baseUrl);
  }

  /** The fields of a station's JSON that come before {@code distance_km}. */
  static JsonObject head(Station s) {
    return new JsonObject()
        .put("id", s.id())
        .put("slug", s.slug())
        .put("name", s.name())
        .put("kind", s.content().kind().code())
        .put("kind_label", s.content().kind().label())
        .put("latitude", s.content().latitude())
        .put("longitude", s.content().longitude());
  }

  /**
   * A GeoJSON Feature; coordinates are [longitude, latitude] (RFC 7946); no location, no geometry.
   */
  static JsonObject feature(Hit h, String baseUrl) {
    Station s = h.station();
    JsonObject props =
        new JsonObject()
            .put("id", s.id())
            .put("slug", s.slug())
            .put("name", s.name())
            .put("kind", s.content().kind().code())
            .put("kind_label", s.content().kind().label());
    if (h.distanceKm() != null)
      props.put("distance_km", Math.round(h.distanceKm() * 1000) / 1000.0);
    properties(props, s, baseUrl);
    JsonObject geometry =
        s.hasLocation()
            ? new JsonObject()
                .put("type", "Point")
                .put(
                    "coordinates",
                    new JsonArray().add(s.content().longitude()).add(s.content().latitude()))
            : null;
    return new JsonObject()
        .put("type", "Feature")
        .put("id", s.id())
        .put("geometry", geometry)
        .put("properties", props);
  }

  /** The public fields every export of a station shares (API, GeoJSON, the editor API). */
  public static JsonObject properties(JsonObject o, Station s, String baseUrl) {
    return o.put("location_precision", s.content().locationPrecision().code())
        .put("address", s.content().address())
        .put("province", s.content().region().province())
        .put("city", s.content().region().city())
        .put("district", s.content().region().district())
        .put("township", s.content().township())
        .put("organization", s.content().organization())
        .put("phone", s.content().phone())
        .put("opening_hours", s.content().openingHours().toSyntax())
        .put("services", new JsonArray(s.content().services()))
        .put("target_groups", new JsonArray(s.content().targetGroups()))
        .put("status", s.content().status().code())
        .put(
            "verified_at",
            s.content().verifiedAt() == null ? null : s.content().verifiedAt().toString())
        .put("url", baseUrl + s.url());
  }

  /**
   * Sends the body with ETag and Cache-Control, or a 304 when the client already has exactly this.
   */
  static void send(RoutingContext ctx, String contentType, String body) {
    send(ctx, contentType, Buffer.buffer(body.getBytes(StandardCharsets.UTF_8)));
  }

  static void send(RoutingContext ctx, String contentType, Buffer body) {
    String etag = etag(body.getBytes());
    KeptAnswers.keepFor(ctx, contentType, body);
    ctx.response()
        .putHeader("ETag", etag)
        .putHeader("Cache-Control", CACHE_CONTROL)
        .putHeader("Access-Control-Allow-Origin", "*");
    if (matches(ctx.request().getHeader("If-None-Match"), etag)) {
      ctx.response().setStatusCode(304).end();
      return;
    }
    ctx.response().putHeader("Content-Type", contentType).end(body);
  }

  static String etag(byte[] bytes) {
    return "\"" + sha256(bytes).substring(0, 32) + "\"";
  }

  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) return false;
    for (String t : ifNoneMatch.split(",")) {
      String tag = t.strip();
      if (tag.startsWith("W/")) tag = tag.substring(2);
      if (tag.equals("*") || tag.equals(etag)) return true;
    }
    return false;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}

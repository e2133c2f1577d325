package cn.shegong.portal.stations;

import cn.shegong.portal.common.HttpError;
import java.util.Locale;
import java.util.Optional;

/**
 * "Near this point", optionally within a radius. Distances are haversine on a sphere of the earth's
 * mean radius, the same in Java ({@link #distanceKm}, for the stations kept in memory) and in SQL
 * ({@link #distanceSql}, where a bounding box on the (latitude, longitude) index keeps the
 * candidates few).
 */
public record NearbyQuery(double latitude, double longitude, Double radiusKm) {
  public static final double EARTH_RADIUS_KM = 6371.0088;
  public static final double MAX_RADIUS_KM = 1000;

  /**
   * Reads {@code near=LAT,LON} and {@code radius_km}; anything malformed is a 400 with a Chinese
   * message.
   */
  public static Optional<NearbyQuery> parse(Optional<String> near, Optional<String> radius) {
    Double radiusKm = radius.map(NearbyQuery::radius).orElse(null);
    if (near.isEmpty()) {
      if (radiusKm != null) throw HttpError.badRequest("参数 radius_km 需要与 near（纬度,经度）一起使用");
      return Optional.empty();
    }
    String[] parts = near.get().split(",");
    if (parts.length != 2) throw badNear();
    double lat = number(parts[0]);
    double lon = number(parts[1]);
    if (lat < -90 || lat > 90 || lon < -180 || lon > 180) throw badNear();
    return Optional.of(new NearbyQuery(lat, lon, radiusKm));
  }

  private static double radius(String text) {
    try {
      double r = Double.parseDouble(text);
      if (r > 0 && r <= MAX_RADIUS_KM) return r;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw HttpError.badRequest("参数 radius_km 应为大于 0、不超过 1000 的公里数");
  }

  private static double number(String s) {
    String t = s.strip();
    if (!t.matches("-?\\d{1,3}(\\.\\d{1,12})?")) throw badNear();
    return Double.parseDouble(t);
  }

  private static HttpError badNear() {
    return HttpError.badRequest(
        "参数 near 应为“纬度,经度”，如 near=31.247,121.326（纬度 -90 到 90，经度 -180 到 180）");
  }

  /** The value as it goes back into a URL. */
  public String nearParam() {
    return String.format(Locale.ROOT, "%.5f,%.5f", latitude, longitude);
  }

  /** Degrees of latitude a radius spans. */
  public double latitudeDelta() {
    return Math.toDegrees(radiusKm / EARTH_RADIUS_KM);
  }

  /**
   * Degrees of longitude a radius spans at this latitude; empty near the poles, where a box is no
   * help.
   */
  public Optional<Double> longitudeDelta() {
    double cos = Math.cos(Math.toRadians(Math.min(89.9, Math.abs(latitude) + latitudeDelta())));
    double d = latitudeDelta() / cos;
    if (d >= 180 || longitude - d < -180 || longitude + d > 180) return Optional.empty();
    return Optional.of(d);
  }

  /** Haversine distance in km, the same formula as {@link #distanceSql}. */
  public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    double a =
        Math.pow(Math.sin(Math.toRadians(lat2 - lat1) / 2), 2)
            + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2))
                * Math.pow(Math.sin(Math.toRadians(lon2 - lon1) / 2), 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  /**
   * Haversine distance in km from ($lat, $lon) to the row, for SQL; parameters are placeholders,
   * never values.
   */
  public static String distanceSql(String latParam, String lonParam) {
    return "(2 * "
        + EARTH_RADIUS_KM
        + " * asin(least(1, sqrt(power(sin(radians(s.latitude - "
        + latParam
        + ") / 2), 2)"
        + " + cos(radians("
        + latParam
        + ")) * cos(radians(s.latitude))"
        + " * power(sin(radians(s.longitude - "
        + lonParam
        + ") / 2), 2)))))";
  }
}

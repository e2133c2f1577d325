package cn.shegong.portal.stations;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Coordinates for Chinese map apps. Stations are stored in WGS-84; Amap and Tencent expect GCJ-02
 * and Baidu expects BD-09. These are the published standard conversions (the same constants and
 * series as the widely used coordtransform implementations); points outside China are left
 * unchanged, as there.
 */
public final class MapCoordinates {
  /** A point as longitude, latitude (the order the map apps' algorithms use). */
  public record LonLat(double lon, double lat) {}

  private static final double A = 6378245.0;
  private static final double EE = 0.00669342162296594323;
  private static final double X_PI = Math.PI * 3000.0 / 180.0;

  private MapCoordinates() {}

  public static LonLat wgs84ToGcj02(double lon, double lat) {
    if (outOfChina(lon, lat)) return new LonLat(lon, lat);
    double dLat = transformLat(lon - 105.0, lat - 35.0);
    double dLon = transformLon(lon - 105.0, lat - 35.0);
    double radLat = lat / 180.0 * Math.PI;
    double magic = Math.sin(radLat);
    magic = 1 - EE * magic * magic;
    double sqrtMagic = Math.sqrt(magic);
    dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
    dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
    return new LonLat(lon + dLon, lat + dLat);
  }

  public static LonLat gcj02ToBd09(double lon, double lat) {
    double z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
    double theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * X_PI);
    return new LonLat(z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006);
  }

  public static LonLat wgs84ToBd09(double lon, double lat) {
    LonLat gcj = wgs84ToGcj02(lon, lat);
    return gcj02ToBd09(gcj.lon(), gcj.lat());
  }

  static boolean outOfChina(double lon, double lat) {
    return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
  }

  /**
   * Links that open the station as a marker in each app's web or mobile page; null without
   * coordinates.
   */
  public record AppLinks(String amap, String baidu, String tencent) {}

  public static AppLinks linksFor(Station s) {
    if (!s.hasLocation()) return null;
    LonLat gcj = wgs84ToGcj02(s.content().longitude(), s.content().latitude());
    LonLat bd = gcj02ToBd09(gcj.lon(), gcj.lat());
    String name = enc(s.name());
    String address =
        enc(
            s.content().address().isBlank()
                ? s.content().region().display() + s.content().township()
                : s.content().address());
    String amap =
        "https://uri.amap.com/marker?position="
            + fmt(gcj.lon())
            + ","
            + fmt(gcj.lat())
            + "&name="
            + name
            + "&coordinate=gaode&callnative=1&src=shegong-portal";
    String baidu =
        "https://api.map.baidu.com/marker?location="
            + fmt(bd.lat())
            + ","
            + fmt(bd.lon())
            + "&title="
            + name
            + "&content="
            + address
            + "&coord_type=bd09ll&output=html&src=webapp.shegong.portal";
    String tencent =
        "https://apis.map.qq.com/uri/v1/marker?marker=coord:"
            + fmt(gcj.lat())
            + ","
            + fmt(gcj.lon())
            + ";title:"
            + name
            + ";addr:"
            + address
            + "&referer=shegong-portal";
    return new AppLinks(amap, baidu, tencent);
  }

  private static double transformLat(double x, double y) {
    double r =
        -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
    r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
    r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
    return r;
  }

  private static double transformLon(double x, double y) {
    double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
    r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
    r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
    return r;
  }

  private static String fmt(double d) {
    return String.format(java.util.Locale.ROOT, "%.6f", d);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}

package cn.shegong.portal.search;

import java.util.Set;
import java.util.function.Function;

/**
 * One search as the page and the API receive it, already validated.
 *
 * @param type all | news | stations
 * @param kind psych | medical | township; province, city, district and year filter alike; empty
 *     means any
 * @param sort relevance | date | distance
 * @param latitude with longitude and radiusKm: only stations within that distance (a "near" search)
 */
public record SearchRequest(
    String query,
    String type,
    String kind,
    String province,
    String city,
    String district,
    String year,
    String sort,
    int offset,
    int limit,
    Double latitude,
    Double longitude,
    double radiusKm) {

  public static final int MAX_QUERY_LENGTH = 200;
  public static final int MAX_LIMIT = 50;
  public static final int MAX_OFFSET = 1000;
  private static final Set<String> TYPES = Set.of("all", "news", "stations");
  private static final Set<String> SORTS = Set.of("relevance", "date", "distance");

  /** Thrown for input the reader must fix; the message is shown to them as is. */
  public static final class Invalid extends RuntimeException {
    public Invalid(String message) {
      super(message, null, false, false);
    }
  }

  public static SearchRequest simple(String query, int limit) {
    return parse(
        name ->
            switch (name) {
              case "q" -> query;
              case "limit" -> String.valueOf(limit);
              default -> null;
            },
        10);
  }

  /** Reads request parameters by name; null means absent. */
  public static SearchRequest parse(Function<String, String> param, int defaultLimit) {
    String q = param.apply("q");
    q = q == null ? "" : q.strip();
    if (q.isEmpty()) throw new Invalid("请输入要搜索的内容，例如“医务社工”或“嘉定”。");
    if (q.length() > MAX_QUERY_LENGTH) {
      throw new Invalid("搜索内容过长（最多 " + MAX_QUERY_LENGTH + " 个字符），请缩短后再试。");
    }
    String type = oneOf(param.apply("type"), TYPES, "all", "type");
    String sort = oneOf(param.apply("sort"), SORTS, "relevance", "sort");
    int limit = number(param.apply("limit"), defaultLimit, 1, MAX_LIMIT, "limit");
    int offset = number(param.apply("offset"), 0, 0, MAX_OFFSET, "offset");
    String page = param.apply("page");
    if (page != null && !page.isBlank())
      offset = (number(page, 1, 1, MAX_OFFSET / limit + 1, "page") - 1) * limit;
    Double lat = decimal(param.apply("lat"), -90, 90, "lat");
    Double lon = decimal(param.apply("lon"), -180, 180, "lon");
    if ((lat == null) != (lon == null)) throw new Invalid("lat 与 lon 需要同时提供。");
    Double km = decimal(param.apply("km"), 0.1, 2000, "km");
    if ("distance".equals(sort) && lat == null) throw new Invalid("按距离排序需要提供 lat 与 lon。");
    return new SearchRequest(
        q,
        type,
        text(param.apply("kind")),
        text(param.apply("province")),
        text(param.apply("city")),
        text(param.apply("district")),
        text(param.apply("year")),
        sort,
        offset,
        limit,
        lat,
        lon,
        km == null ? 50 : km);
  }

  public int page() {
    return offset / limit + 1;
  }

  private static String text(String v) {
    if (v == null || v.isBlank()) return "";
    if (v.length() > 50) throw new Invalid("筛选条件过长。");
    return v.strip();
  }

  private static String oneOf(String v, Set<String> allowed, String dflt, String name) {
    if (v == null || v.isBlank()) return dflt;
    if (!allowed.contains(v.strip()))
      throw new Invalid(
          "参数 " + name + " 的取值无效：应为 " + String.join("、", allowed.stream().sorted().toList()) + "。");
    return v.strip();
  }

  private static int number(String v, int dflt, int min, int max, String name) {
    if (v == null || v.isBlank()) return dflt;
    try {
      int n = Integer.parseInt(v.strip());
      if (n < min || n > max) throw new Invalid("参数 " + name + " 应在 " + min + " 到 " + max + " 之间。");
      return n;
    } catch (NumberFormatException e) {
      throw new Invalid("参数 " + name + " 应为整数。");
    }
  }

  private static Double decimal(String v, double min, double max, String name) {
    if (v == null || v.isBlank()) return null;
    try {
      double d = Double.parseDouble(v.strip());
      if (!(d >= min && d <= max)) throw new Invalid("参数 " + name + " 超出范围。");
      return d;
    } catch (NumberFormatException e) {
      throw new Invalid("参数 " + name + " 应为数字。");
    }
  }
}

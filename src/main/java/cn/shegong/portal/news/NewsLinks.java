package cn.shegong.portal.news;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Bookmarkable URLs of the news list and feeds for a filter; parameters always in the same order.
 */
public final class NewsLinks {
  private NewsLinks() {}

  public static String list(ArticleFilter f) {
    return withQuery("/news", query(f));
  }

  /** The list URL ready for "page=N" to be appended. */
  public static String pagerBase(ArticleFilter f) {
    String q = query(f);
    return "/news?" + (q.isEmpty() ? "" : q + "&");
  }

  public static String list(ArticleFilter f, int page) {
    return page <= 1 ? list(f) : pagerBase(f) + "page=" + page;
  }

  public static String regionFeed(String region) {
    return "/feed.atom?region=" + enc(region);
  }

  public static String tagFeed(String tag) {
    return "/feed.atom?tag=" + enc(tag);
  }

  public static String byTag(String tag) {
    return "/news?tag=" + enc(tag);
  }

  public static String byRegion(String region) {
    return "/news?region=" + enc(region);
  }

  static String query(ArticleFilter f) {
    List<String> parts = new ArrayList<>();
    f.region().ifPresent(v -> parts.add("region=" + enc(v)));
    f.tag().ifPresent(v -> parts.add("tag=" + enc(v)));
    f.year().ifPresent(v -> parts.add("year=" + v));
    f.month().ifPresent(v -> parts.add("month=" + v));
    f.source().ifPresent(v -> parts.add("source=" + enc(v)));
    return String.join("&", parts);
  }

  private static String withQuery(String path, String query) {
    return query.isEmpty() ? path : path + "?" + query;
  }

  static String enc(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }
}

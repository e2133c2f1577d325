package cn.shegong.portal.search;

import cn.shegong.portal.stations.StationKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the search page template shows: hits, facet links with counts, type tabs and page links. */
final class SearchPageModel {
  /** A link the page offers: a facet value, a tab or a page. */
  public record Link(String label, String url, long count, boolean active) {}

  public record Facet(String title, List<Link> values) {}

  private SearchPageModel() {}

  static Map<String, Object> of(SearchResult r, int pageSize) {
    SearchRequest req = r.request();
    Map<String, String> params = new LinkedHashMap<>();
    params.put("q", req.query());
    params.put("type", req.type().equals("all") ? "" : req.type());
    params.put("kind", req.kind());
    params.put("province", req.province());
    params.put("city", req.city());
    params.put("district", req.district());
    params.put("year", req.year());
    params.put("sort", req.sort().equals("relevance") ? "" : req.sort());

    Map<String, Object> m = new HashMap<>();
    // the saved search of this page: the same query and filters (a feed lists news, newest first)
    Map<String, String> feed = new LinkedHashMap<>();
    for (String f : SearchFeedRoutes.FILTERS) feed.put(f, params.get(f));
    m.put("feedQuery", url(feed).substring("/search?".length()));
    m.put("result", r);
    m.put("hits", r.hits());
    m.put("total", r.total());
    m.put("capped", r.capped());
    m.put("partial", r.partial());
    m.put("partialMessage", SearchRoutes.PARTIAL_MESSAGE);
    m.put(
        "didYouMean",
        r.didYouMean().stream()
            .map(
                alt ->
                    Map.of(
                        "text",
                        alt,
                        "url",
                        "/search?q=" + java.net.URLEncoder.encode(alt, StandardCharsets.UTF_8)))
            .toList());
    m.put(
        "tabs",
        List.of(
            tab(params, "", "全部", req.type().equals("all")),
            tab(params, "news", "新闻", req.type().equals("news")),
            tab(params, "stations", "服务站点", req.type().equals("stations"))));
    m.put(
        "sorts",
        List.of(
            new Link("按相关度", url(with(params, "sort", "")), 0, req.sort().equals("relevance")),
            new Link("按日期", url(with(params, "sort", "date")), 0, req.sort().equals("date"))));
    List<Facet> facets = new ArrayList<>();
    facets.add(
        facet(
            r,
            params,
            SearchFields.TYPE,
            "类型",
            "type",
            v -> v.equals("article") ? "新闻" : "服务站点",
            v -> v.equals("article") ? "news" : "stations"));
    facets.add(
        facet(
            r,
            params,
            SearchFields.KIND,
            "站点类型",
            "kind",
            v -> StationKind.fromCode(v).map(StationKind::label).orElse(v),
            v -> v));
    facets.add(facet(r, params, SearchFields.PROVINCE, "地区", "province", v -> v, v -> v));
    facets.add(facet(r, params, SearchFields.YEAR, "年份", "year", v -> v + "年", v -> v));
    m.put("facets", facets.stream().filter(f -> !f.values().isEmpty()).toList());
    int page = req.page();
    long lastPage = SearchRequest.MAX_OFFSET / pageSize + 1;
    // past the counting limit the total is only a lower bound: offer every page a request may ask
    // for
    long pages =
        r.capped()
            ? lastPage
            : Math.max(1, Math.min((r.total() + pageSize - 1) / pageSize, lastPage));
    m.put("page", page);
    m.put("pages", pages);
    m.put("prevUrl", page > 1 ? url(with(params, "page", String.valueOf(page - 1))) : "");
    m.put("nextUrl", page < pages ? url(with(params, "page", String.valueOf(page + 1))) : "");
    return m;
  }

  private static Link tab(Map<String, String> params, String type, String label, boolean active) {
    Map<String, String> p = with(params, "type", type);
    p.put("kind", "");
    return new Link(label, url(p), 0, active);
  }

  private static Facet facet(
      SearchResult r,
      Map<String, String> params,
      String dim,
      String title,
      String param,
      java.util.function.UnaryOperator<String> label,
      java.util.function.UnaryOperator<String> value) {
    List<Link> links = new ArrayList<>();
    r.facets().getOrDefault(dim, Map.of()).entrySet().stream()
        .limit(12)
        .forEach(
            e -> {
              String v = value.apply(e.getKey());
              boolean active = v.equals(params.get(param));
              links.add(
                  new Link(
                      label.apply(e.getKey()),
                      url(with(params, param, active ? "" : v)),
                      e.getValue(),
                      active));
            });
    return new Facet(title, links);
  }

  private static Map<String, String> with(Map<String, String> params, String key, String value) {
    Map<String, String> p = new LinkedHashMap<>(params);
    p.put(key, value);
    return p;
  }

  static String url(Map<String, String> params) {
    StringBuilder sb = new StringBuilder("/search");
    char sep = '?';
    for (Map.Entry<String, String> e : params.entrySet()) {
      if (e.getValue() == null || e.getValue().isEmpty()) continue;
      sb.append(sep)
          .append(e.getKey())
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
      sep = '&';
    }
    return sb.toString();
  }
}

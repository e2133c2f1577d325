package cn.shegong.portal.search;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * The public JSON shape of /api/search and /api/suggest; field names are a contract with API users.
 */
final class SearchJson {
  private SearchJson() {}

  static JsonObject result(SearchResult r) {
    JsonArray hits = new JsonArray();
    for (SearchHit h : r.hits()) {
      JsonObject o =
          new JsonObject()
              .put("type", h.type())
              .put("id", h.id())
              .put("title", h.title())
              .put("url", h.url())
              .put("snippet", h.snippet().text())
              .put("snippetHtml", h.snippet().html())
              .put("titleHtml", h.titleMarked().html())
              .put("region", h.region() == null ? "" : h.region())
              .put("synthetic", h.synthetic())
              .put("score", h.score());
      if (h.kind() != null) o.put("kind", h.kind());
      if (h.date() != null) o.put("date", h.date());
      hits.add(o);
    }
    JsonObject facets = new JsonObject();
    for (Map.Entry<String, Map<String, Long>> dim : r.facets().entrySet()) {
      JsonObject counts = new JsonObject();
      dim.getValue().forEach(counts::put);
      facets.put(dim.getKey(), counts);
    }
    return new JsonObject()
        .put("query", r.request().query())
        .put("total", r.total())
        .put("total_relation", r.capped() ? "gte" : "eq")
        .put("offset", r.request().offset())
        .put("limit", r.request().limit())
        .put("partial", r.partial())
        .put("message", r.partial() ? SearchRoutes.PARTIAL_MESSAGE : null)
        .put("timedOut", r.timedOut())
        .put("notice", r.notice())
        .put("didYouMean", new JsonArray(r.didYouMean()))
        .put("hits", hits)
        .put("facets", facets);
  }

  static JsonObject suggestions(String query, List<Suggester.Suggestion> list) {
    JsonArray out = new JsonArray();
    list.forEach(
        s ->
            out.add(
                new JsonObject().put("text", s.text()).put("url", s.url()).put("type", s.type())));
    return new JsonObject().put("query", query).put("suggestions", out);
  }
}

package cn.shegong.portal.news;

import cn.shegong.portal.stations.Station;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The public API's JSON for articles; field names are a public contract. */
final class ArticleJson {
  private ArticleJson() {}

  static JsonObject summary(Article a, String baseUrl) {
    return new JsonObject()
        .put("slug", a.slug())
        .put("title", a.title())
        .put("subtitle", a.subtitle())
        .put("url", baseUrl + a.url())
        .put("published_at", ArticleMeta.iso(a.publishedAt()))
        .put("date", ArticleMeta.isoDate(a))
        .put("date_precision", a.datePrecision().code())
        .put("updated_at", ArticleMeta.iso(ArticleFeed.updated(a)))
        .put("source", a.source())
        .put("author", a.author())
        .put(
            "region",
            new JsonObject()
                .put("province", a.region().province())
                .put("city", a.region().city())
                .put("district", a.region().district())
                .put("name", a.region().display()))
        .put("tags", new JsonArray(a.tags()))
        .put("summary", a.summary());
  }

  static JsonObject full(Article a, List<Station> stations, String baseUrl) {
    JsonArray linked = new JsonArray();
    for (Station s : stations) {
      linked.add(
          new JsonObject()
              .put("slug", s.slug())
              .put("name", s.name())
              .put("kind", s.kind().code())
              .put("url", baseUrl + s.url()));
    }
    return summary(a, baseUrl)
        .put("kicker", a.kicker())
        .put("body", a.body())
        .put("paragraphs", new JsonArray(a.paragraphs()))
        .put("stations", linked);
  }
}

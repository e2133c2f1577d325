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
        .put("subtitle", a.text().subtitle())
        .put("url", baseUrl + a.url())
        .put("published_at", ArticleMeta.iso(a.text().publishedAt()))
        .put("date", ArticleMeta.isoDate(a))
        .put("date_precision", a.text().datePrecision().code())
        .put("updated_at", ArticleMeta.iso(ArticleFeed.updated(a)))
        .put("source", a.text().source())
        .put("author", a.text().author())
        .put(
            "region",
            new JsonObject()
                .put("province", a.text().region().province())
                .put("city", a.text().region().city())
                .put("district", a.text().region().district())
                .put("name", a.text().region().display()))
        .put("tags", new JsonArray(a.text().tags()))
        .put("summary", a.text().summary());
  }

  static JsonObject full(Article a, List<Station> stations, String baseUrl) {
    JsonArray linked = new JsonArray();
    for (Station s : stations) {
      linked.add(
          new JsonObject()
              .put("slug", s.slug())
              .put("name", s.name())
              .put("kind", s.content().kind().code())
              .put("url", baseUrl + s.url()));
    }
    return summary(a, baseUrl)
        .put("kicker", a.text().kicker())
        .put("body", a.text().body())
        .put("paragraphs", new JsonArray(a.paragraphs()))
        .put("stations", linked);
  }
}

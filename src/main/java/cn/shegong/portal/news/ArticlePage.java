package cn.shegong.portal.news;

import cn.shegong.portal.common.Zones;
import cn.shegong.portal.news.NewsRoutes.FeedLink;
import cn.shegong.portal.web.Pages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The article page's model; the editors' preview renders an unsaved draft with it. */
public final class ArticlePage {
  private ArticlePage() {}

  public static Map<String, Object> model(
      Article article, List<?> stations, List<Article> related, String base) {
    return model(article, stations, related, List.of(), base);
  }

  /**
   * With the article's dated corrections and updates, shown at its end and carried in its JSON-LD.
   */
  public static Map<String, Object> model(
      Article article,
      List<?> stations,
      List<Article> related,
      List<Correction> notes,
      String base) {
    String url = base + article.url();
    Map<String, Object> model = new HashMap<>();
    model.put("article", article);
    model.put("stations", stations);
    model.put("related", related);
    model.put("absoluteUrl", url);
    model.put("canonical", url);
    model.put("published", ArticleMeta.iso(article.text().publishedAt()));
    model.put("modified", ArticleMeta.iso(article.updatedAt()));
    model.put("datetime", ArticleMeta.datetimeAttribute(article));
    model.put("shareImage", base + ShareCardRoutes.url(article));
    var ld = ArticleMeta.jsonLd(article, url, Pages.SITE_NAME, base + "/");
    if (!notes.isEmpty()) ld.put("correction", Correction.jsonLd(notes));
    model.put("jsonLd", ArticleMeta.scriptSafe(ld));
    model.put("corrections", notes);
    model.put("correctionBadge", Correction.badge(notes));
    model.put(
        "citation",
        ArticleMeta.citation(article, url, Pages.SITE_NAME, LocalDate.now(Zones.CHINA)));
    List<FeedLink> feeds = new ArrayList<>();
    String place = place(article);
    if (!place.isEmpty()) feeds.add(new FeedLink(place + "的报道", NewsLinks.regionFeed(place)));
    for (String t : article.text().tags()) feeds.add(new FeedLink("主题：" + t, NewsLinks.tagFeed(t)));
    model.put("feeds", feeds);
    model.put("regionLink", place.isEmpty() ? "" : NewsLinks.byRegion(place));
    return model;
  }

  /**
   * The most specific place that names a region other articles share: the city, else the province.
   */
  private static String place(Article a) {
    return !a.text().region().city().isEmpty()
        ? a.text().region().city()
        : a.text().region().province();
  }
}

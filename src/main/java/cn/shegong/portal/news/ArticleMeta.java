package cn.shegong.portal.news;

import cn.shegong.portal.common.DatePrecision;
import cn.shegong.portal.common.Zones;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * What an article page tells machines and citing journalists: JSON-LD, a GB/T 7714 reference, ISO
 * dates.
 */
public final class ArticleMeta {
  private ArticleMeta() {}

  /**
   * A schema.org NewsArticle; the text of the article is left to the page itself. A date known only
   * to the month or year is given as such (ISO 8601 "2023-10", "2023"), never as an invented day.
   */
  public static JsonObject jsonLd(Article a, String absoluteUrl, String siteName, String siteUrl) {
    JsonObject ld =
        new JsonObject()
            .put("@context", "https://schema.org")
            .put("@type", "NewsArticle")
            .put("headline", a.title())
            .put("url", absoluteUrl)
            .put(
                "mainEntityOfPage",
                new JsonObject().put("@type", "WebPage").put("@id", absoluteUrl))
            .put("inLanguage", "zh-CN")
            .put(
                "datePublished",
                a.text().datePrecision() == DatePrecision.DAY
                    ? iso(a.text().publishedAt())
                    : isoDate(a))
            .put(
                "dateModified", iso(a.updatedAt() == null ? a.text().publishedAt() : a.updatedAt()))
            .put(
                "publisher",
                new JsonObject()
                    .put("@type", "Organization")
                    .put("name", siteName)
                    .put("url", siteUrl)
                    .put("logo", image(siteUrl + "static/img/mark.png", 512, 512)))
            .put(
                "image",
                image(
                    siteUrl + ShareCardRoutes.url(a).substring(1),
                    ShareCard.WIDTH,
                    ShareCard.HEIGHT));
    if (!a.text().subtitle().isBlank()) ld.put("alternativeHeadline", a.text().subtitle());
    if (!a.text().summary().isBlank()) ld.put("description", a.text().summary());
    if (!a.text().author().isBlank())
      ld.put("author", new JsonObject().put("@type", "Person").put("name", a.text().author()));
    else
      ld.put(
          "author",
          new JsonObject()
              .put("@type", "Organization")
              .put("name", a.text().source().isBlank() ? siteName : plainSource(a)));
    if (!a.text().source().isBlank()) {
      ld.put(
          "sourceOrganization",
          new JsonObject().put("@type", "NewsMediaOrganization").put("name", plainSource(a)));
    }
    if (!a.text().tags().isEmpty()) ld.put("keywords", new JsonArray(a.text().tags()));
    if (!a.text().region().isEmpty())
      ld.put(
          "contentLocation",
          new JsonObject().put("@type", "Place").put("name", a.text().region().display()));
    return ld;
  }

  private static JsonObject image(String url, int width, int height) {
    return new JsonObject()
        .put("@type", "ImageObject")
        .put("url", url)
        .put("width", width)
        .put("height", height);
  }

  /**
   * JSON that may stand inside a script element: {@code <}, {@code >} and {@code &} become \\u
   * escapes, so no text from an article can close the element or open a comment.
   */
  public static String scriptSafe(JsonObject json) {
    return cn.shegong.portal.common.ScriptJson.encode(json);
  }

  /** GB/T 7714—2015 for an online newspaper article: 作者. 标题[N/OL]. 来源, 日期[引用日期]. URL. */
  public static String citation(
      Article a, String absoluteUrl, String siteName, LocalDate accessed) {
    StringBuilder sb = new StringBuilder();
    if (!a.text().author().isBlank()) sb.append(a.text().author()).append(". ");
    sb.append(a.title());
    if (!a.text().subtitle().isBlank()) sb.append(": ").append(a.text().subtitle());
    sb.append("[N/OL]. ");
    sb.append(a.text().source().isBlank() ? siteName : plainSource(a));
    String date = isoDate(a);
    if (!date.isEmpty()) sb.append(", ").append(date);
    sb.append("[").append(accessed).append("]. ").append(absoluteUrl).append('.');
    return sb.toString();
  }

  /** 2024-09-20, 2024-09 or 2024, as much as the source states. */
  public static String isoDate(Article a) {
    LocalDate d = a.publishedDate();
    if (d == null) return "";
    return switch (a.text().datePrecision()) {
      case DAY -> d.toString();
      case MONTH -> d.toString().substring(0, 7);
      case YEAR -> String.valueOf(d.getYear());
    };
  }

  /** The date as a machine-readable value for {@code <time datetime>}, with the same precision. */
  public static String datetimeAttribute(Article a) {
    return a.text().datePrecision() == DatePrecision.DAY || a.publishedDate() == null
        ? String.valueOf(a.publishedDate())
        : isoDate(a);
  }

  /** Reference styles name the paper without the 《》 title marks. */
  static String plainSource(Article a) {
    return a.text().source().replace("《", "").replace("》", "").strip();
  }

  static String iso(OffsetDateTime t) {
    return t == null
        ? null
        : t.atZoneSameInstant(Zones.CHINA)
            .toOffsetDateTime()
            .truncatedTo(ChronoUnit.SECONDS)
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}

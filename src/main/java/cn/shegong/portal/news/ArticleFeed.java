package cn.shegong.portal.news;

import cn.shegong.portal.web.Feeds;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Articles as feed items for {@link Feeds}, the one feed writer. */
final class ArticleFeed {
  private ArticleFeed() {}

  /** Never changes: names the slug, which is never reused, not the host. */
  static String entryId(Article a) {
    return Feeds.TAG_PREFIX + "news/" + a.slug();
  }

  static List<Feeds.Item> items(
      List<Article> list, Map<Long, List<Correction>> notes, String baseUrl) {
    return list.stream()
        .map(
            a ->
                new Feeds.Item(
                    entryId(a),
                    a.text().subtitle().isBlank()
                        ? a.title()
                        : a.title() + "：" + a.text().subtitle(),
                    baseUrl + a.url(),
                    a.text().publishedAt(),
                    updated(a),
                    a.text().author(),
                    a.text().tags(),
                    a.text().summary(),
                    html(a, notes)))
        .toList();
  }

  /**
   * The text and, after it, the article's dated notes: a correction republishes the entry with
   * them.
   */
  static String html(Article a, Map<Long, List<Correction>> notes) {
    return ArticleHtml.of(a) + Correction.html(notes.getOrDefault(a.id(), List.of()));
  }

  static OffsetDateTime updated(Article a) {
    OffsetDateTime u = a.updatedAt();
    return u == null || (a.text().publishedAt() != null && u.isBefore(a.text().publishedAt()))
        ? a.text().publishedAt()
        : u;
  }
}

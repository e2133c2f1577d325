package cn.shegong.portal.news;

import cn.shegong.portal.common.DatePrecision;
import cn.shegong.portal.common.Region;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What an editor writes for an article: the one list of its content fields, shared by the stored
 * {@link Article}, a seed's {@link ArticleDraft}, the desk form, the API and revision snapshots.
 * {@code body} is plain text, paragraphs separated by blank lines; {@code publishedAt} null means
 * "set when published".
 */
public record ArticleText(
    String title,
    String subtitle,
    String kicker,
    String summary,
    String body,
    String source,
    String author,
    Region region,
    List<String> tags,
    OffsetDateTime publishedAt,
    DatePrecision datePrecision) {

  public ArticleText {
    tags = List.copyOf(tags);
  }

  /** The same text with another publication time. */
  public ArticleText withPublishedAt(OffsetDateTime at) {
    return new ArticleText(
        title, subtitle, kicker, summary, body, source, author, region, tags, at, datePrecision);
  }
}

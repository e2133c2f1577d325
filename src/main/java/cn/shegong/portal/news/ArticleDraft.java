package cn.shegong.portal.news;

import cn.shegong.portal.common.DatePrecision;
import cn.shegong.portal.common.Region;
import java.time.OffsetDateTime;
import java.util.List;

/** The content of an article as written, before the database gives it an id and a version. */
public record ArticleDraft(
    String slug,
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
    DatePrecision datePrecision,
    ArticleStatus status,
    String note,
    List<String> stationSlugs) {

  public ArticleDraft {
    tags = List.copyOf(tags);
    stationSlugs = List.copyOf(stationSlugs);
  }
}

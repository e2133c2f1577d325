package cn.shegong.portal.news;

import cn.shegong.portal.common.Zones;
import cn.shegong.portal.stations.StationArticles;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A news report or announcement as stored: its text, where it stands, and its version. */
public record Article(
    long id,
    String slug,
    ArticleText text,
    ArticleStatus status,
    String note,
    int version,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt)
    implements StationArticles.Mention, ListedArticle {

  /** For {@link StationArticles.Mention}. */
  @Override
  public String title() {
    return text.title();
  }

  @Override
  public String url() {
    return urlOf(slug);
  }

  @Override
  public String subtitle() {
    return text.subtitle();
  }

  @Override
  public String summary() {
    return text.summary();
  }

  @Override
  public String source() {
    return text.source();
  }

  @Override
  public String place() {
    return text.region().display();
  }

  /** The public address of the article with this slug: the one place the /news/ rule is written. */
  public static String urlOf(String slug) {
    return "/news/" + slug;
  }

  @Override
  public LocalDate publishedDate() {
    OffsetDateTime publishedAt = text.publishedAt();
    return publishedAt == null ? null : publishedAt.atZoneSameInstant(Zones.CHINA).toLocalDate();
  }

  /** The date as precisely as the source states it, e.g. 2024年9月. */
  @Override
  public String displayDate() {
    LocalDate d = publishedDate();
    return d == null ? "" : text.datePrecision().format(d);
  }

  /**
   * Paragraphs of the body; a paragraph starting with "## " is a sub-heading, "图：" a photo caption.
   */
  public List<String> paragraphs() {
    return Paragraphs.split(text.body());
  }

  public boolean isPublic() {
    return status == ArticleStatus.PUBLISHED;
  }
}

package cn.shegong.portal.news;

import java.util.List;

/** An article as a seed file gives it, before the database gives it an id and a version. */
public record ArticleDraft(
    String slug, ArticleText text, ArticleStatus status, String note, List<String> stationSlugs) {

  public ArticleDraft {
    stationSlugs = List.copyOf(stationSlugs);
  }
}

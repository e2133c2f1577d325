package cn.shegong.portal.news;

import cn.shegong.portal.common.Region;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where published articles can still be read while the database is away: the search index keeps
 * their text and what the news list needs. Owned here, answered by the search feature.
 */
public interface KeptArticles {
  /** The article's kept text, or empty when no copy holds it. */
  Future<Optional<KeptArticle>> find(String slug);

  /**
   * The published articles the filter selects, with the same members and in the same order as
   * {@link ArticleRepository#list} (newest first, then the higher id), from {@code offset} on; and
   * the counts of {@link NewsFacets}. Empty when the page lies deeper than the index sorts.
   */
  Future<Optional<KeptList>> list(ArticleFilter filter, int offset, int limit);

  /** What the index keeps of an article: its title, its text as lines, its date and place. */
  record KeptArticle(String slug, String title, List<String> lines, String date, String region) {}

  /** One page of a kept list, the total it is a page of, and the filters' counts. */
  record KeptList(long total, List<KeptSummary> articles, KeptCounts counts) {
    public KeptList {
      articles = List.copyOf(articles);
    }
  }

  /** An article as the list shows it. */
  record KeptSummary(
      String slug,
      String title,
      String subtitle,
      String summary,
      String source,
      Region region,
      LocalDate publishedDate,
      String displayDate)
      implements ListedArticle {
    @Override
    public String url() {
      return Article.urlOf(slug);
    }

    @Override
    public String place() {
      return region.display();
    }
  }

  /**
   * Per value, how many articles choosing it would list: each dimension counted with the other
   * filters in force but not its own; provinces and sources without the empty value, months only of
   * dates that state one.
   */
  record KeptCounts(
      Map<String, Long> provinces,
      Map<String, Long> tags,
      Map<String, Long> years,
      Map<String, Long> months,
      Map<String, Long> sources) {}
}

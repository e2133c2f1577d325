package cn.shegong.portal.news;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * Where a published article can still be read while the database is away: the search index keeps
 * its text. Owned here, answered by the search feature.
 */
public interface KeptArticles {
  /** The article's kept text, or empty when no copy holds it. */
  Future<Optional<KeptArticle>> find(String slug);

  /** What the index keeps of an article: its title, its text as lines, its date and place. */
  record KeptArticle(String slug, String title, List<String> lines, String date, String region) {}
}

package cn.shegong.portal.news;

import java.time.LocalDate;

/**
 * What the news list shows of an article: an {@link Article} from the database, or what the search
 * index keeps of one while the database is away ({@link KeptArticles.KeptSummary}).
 */
public interface ListedArticle {
  String url();

  String title();

  String subtitle();

  String summary();

  String source();

  /** Province, city and district as one name, each part once; "" when unknown. */
  String place();

  LocalDate publishedDate();

  /** The date as precisely as the source states it, e.g. 2024年9月. */
  String displayDate();
}

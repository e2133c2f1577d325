package cn.shegong.portal.search;

import static cn.shegong.portal.search.SearchFields.*;

import cn.shegong.portal.news.ArticleFilter;
import cn.shegong.portal.news.FilterDimension;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The news list's filter as a query on the indexed articles, condition for condition the WHERE of
 * the database's list (news' ArticleWhere): the index holds published articles only, each value as
 * a whole term. One dimension can be left out, for its facet's counts.
 */
final class ArticleListQuery {
  private ArticleListQuery() {}

  static Query of(ArticleFilter f) {
    return of(f, FilterDimension.NONE);
  }

  static Query of(ArticleFilter f, FilterDimension skip) {
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    q.add(term(TYPE, TYPE_ARTICLE), Occur.FILTER);
    if (skip != FilterDimension.REGION)
      f.region()
          .ifPresent(
              v ->
                  q.add(
                      new BooleanQuery.Builder()
                          .add(term(PROVINCE, v), Occur.SHOULD)
                          .add(term(CITY, v), Occur.SHOULD)
                          .add(term(DISTRICT, v), Occur.SHOULD)
                          .build(),
                      Occur.FILTER));
    if (skip != FilterDimension.TAG) f.tag().ifPresent(v -> q.add(term(TAG, v), Occur.FILTER));
    if (skip != FilterDimension.YEAR)
      f.year().ifPresent(v -> q.add(term(YEAR, String.valueOf(v)), Occur.FILTER));
    // only dates that state their month carry one
    if (skip != FilterDimension.MONTH)
      f.month().ifPresent(v -> q.add(term(MONTH, String.valueOf(v)), Occur.FILTER));
    if (skip != FilterDimension.SOURCE)
      f.source().ifPresent(v -> q.add(term(SOURCE, v), Occur.FILTER));
    f.since()
        .ifPresent(
            v ->
                q.add(
                    NumericDocValuesField.newSlowRangeQuery(
                        PUBLISHED, ListingFields.micros(v.toInstant()), Long.MAX_VALUE),
                    Occur.FILTER));
    return q.build();
  }

  private static Query term(String field, String value) {
    return new TermQuery(new Term(field, value));
  }
}

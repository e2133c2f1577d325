package cn.shegong.portal.search;

import static cn.shegong.portal.search.SearchFields.*;

import cn.shegong.portal.common.Region;
import cn.shegong.portal.common.Zones;
import cn.shegong.portal.news.ArticleFilter;
import cn.shegong.portal.news.FilterDimension;
import cn.shegong.portal.news.KeptArticles;
import io.vertx.core.Future;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/** The index's stored copy of published articles, for reading them while the database is away. */
final class IndexedArticles implements KeptArticles {
  /** The database's list order: newest first, the higher id first among equals. */
  static final Sort LIST_ORDER =
      new Sort(
          new SortField(PUBLISHED, SortField.Type.LONG, true),
          new SortField(ID, SortField.Type.LONG, true));

  private final SearchModule search;
  private final int depth;

  /**
   * @param depth how many articles of a list the index sorts at most (a page past it needs the
   *     database): what one answer may hold in memory, like the search's counting limit
   */
  IndexedArticles(SearchModule search, int depth) {
    this.search = search;
    this.depth = depth;
  }

  @Override
  public Future<Optional<KeptArticle>> find(String slug) {
    return search.withIndex(
        searcher -> {
          var query =
              new BooleanQuery.Builder()
                  .add(new TermQuery(new Term(TYPE, TYPE_ARTICLE)), BooleanClause.Occur.FILTER)
                  .add(new TermQuery(new Term(SLUG, slug)), BooleanClause.Occur.FILTER)
                  .build();
          TopDocs top = searcher.search(query, 1);
          if (top.scoreDocs.length == 0) return Optional.empty();
          Document d = searcher.storedFields().document(top.scoreDocs[0].doc);
          return Optional.of(
              new KeptArticle(
                  slug,
                  d.get(TITLE),
                  Arrays.stream(d.get(BODY).split("\n+"))
                      .map(String::strip)
                      .filter(l -> !l.isEmpty())
                      .toList(),
                  text(d, DATE_TEXT),
                  text(d, REGION)));
        });
  }

  @Override
  public Future<Optional<KeptList>> list(ArticleFilter filter, int offset, int limit) {
    return search.withIndex(
        searcher -> {
          Query query = ArticleListQuery.of(filter);
          long total = searcher.count(query);
          if (!answerable(offset, limit, total, depth)) return Optional.empty();
          List<KeptSummary> page = new ArrayList<>();
          if (offset < total) {
            ScoreDoc[] hits =
                searcher.search(query, (int) Math.min((long) offset + limit, total), LIST_ORDER)
                    .scoreDocs;
            StoredFields stored = searcher.storedFields();
            for (int i = offset; i < hits.length; i++)
              page.add(summary(stored.document(hits[i].doc)));
          }
          return Optional.of(new KeptList(total, page, counts(searcher, filter)));
        });
  }

  /**
   * Whether the index answers this page: it sorts the list down to the page's last article, so that
   * must lie within the depth; a page past the end is simply empty, as in the database.
   */
  static boolean answerable(int offset, int limit, long total, int depth) {
    return offset >= total || Math.min((long) offset + limit, total) <= depth;
  }

  private static KeptCounts counts(IndexSearcher searcher, ArticleFilter f) throws IOException {
    return new KeptCounts(
        count(searcher, f, FilterDimension.REGION, PROVINCE),
        count(searcher, f, FilterDimension.TAG, TAG),
        count(searcher, f, FilterDimension.YEAR, YEAR),
        count(searcher, f, FilterDimension.MONTH, MONTH),
        count(searcher, f, FilterDimension.SOURCE, SOURCE));
  }

  private static Map<String, Long> count(
      IndexSearcher searcher, ArticleFilter f, FilterDimension skip, String field)
      throws IOException {
    return searcher.search(ArticleListQuery.of(f, skip), new ValueCounts(field));
  }

  private static KeptSummary summary(Document d) {
    var published =
        ListingFields.fromMicros(d.getField(PUBLISHED).numericValue().longValue())
            .atZone(Zones.CHINA)
            .toLocalDate();
    return new KeptSummary(
        d.get(SLUG),
        d.get(TITLE),
        text(d, SUBTITLE),
        text(d, SUMMARY),
        text(d, SOURCE),
        new Region(text(d, PROVINCE), text(d, CITY), text(d, DISTRICT)),
        published,
        text(d, DATE_TEXT));
  }

  private static String text(Document d, String field) {
    String v = d.get(field);
    return v == null ? "" : v;
  }
}

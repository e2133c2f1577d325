package cn.shegong.portal.search;

import cn.shegong.portal.news.KeptArticles;
import io.vertx.core.Future;
import java.util.Arrays;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/** The index's stored copy of published articles, for reading them while the database is away. */
final class IndexedArticles implements KeptArticles {
  private final SearchModule search;

  IndexedArticles(SearchModule search) {
    this.search = search;
  }

  @Override
  public Future<Optional<KeptArticle>> find(String slug) {
    return search.withIndex(
        searcher -> {
          var query =
              new BooleanQuery.Builder()
                  .add(
                      new TermQuery(new Term(SearchFields.TYPE, SearchFields.TYPE_ARTICLE)),
                      BooleanClause.Occur.FILTER)
                  .add(new TermQuery(new Term(SearchFields.SLUG, slug)), BooleanClause.Occur.FILTER)
                  .build();
          TopDocs top = searcher.search(query, 1);
          if (top.scoreDocs.length == 0) return Optional.empty();
          Document d = searcher.storedFields().document(top.scoreDocs[0].doc);
          return Optional.of(
              new KeptArticle(
                  slug,
                  d.get(SearchFields.TITLE),
                  Arrays.stream(d.get(SearchFields.BODY).split("\n+"))
                      .map(String::strip)
                      .filter(l -> !l.isEmpty())
                      .toList(),
                  d.get(SearchFields.DATE_TEXT) == null ? "" : d.get(SearchFields.DATE_TEXT),
                  d.get(SearchFields.REGION) == null ? "" : d.get(SearchFields.REGION)));
        });
  }
}

package cn.shegong.portal.search;

import static cn.shegong.portal.search.SearchFields.*;

import cn.shegong.portal.search.QueryWords.Kind;
import cn.shegong.portal.search.QueryWords.Word;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/** Runs a {@link SearchRequest} against an index reader: strict first, loose only if strict finds nothing. */
public final class SearchEngine {
  static final int RESCORE_TOP = 200;

  private final QueryWords queryWords;
  private final QueryBuilder queries;
  private final Synonyms synonyms;
  private final Duration timeout;

  public SearchEngine(Synonyms synonyms, Duration timeout) {
    this.synonyms = synonyms;
    this.queryWords = new QueryWords(synonyms.terms());
    this.queries = new QueryBuilder(synonyms);
    this.timeout = timeout;
  }

  public List<Word> words(String query) {
    return queryWords.split(query);
  }

  public SearchResult search(IndexSearcher shared, SearchRequest req) throws IOException {
    List<Word> words = words(req.query());
    if (words.isEmpty()) return new SearchResult(req, 0, false, false, List.of(), emptyFacets());
    // a fresh searcher per request: the time limit belongs to this search, not to the shared instance
    IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
    searcher.setTimeout(new QueryTimeoutImpl(timeout.toMillis()));
    Query filters = filters(req);
    Query closeness = queries.proximity(words).orElse(null);
    SearchResult strict = run(searcher, req, and(queries.strict(words), filters), closeness, words, false);
    boolean looserExists = QueryBuilder.hasLooserForm(words);
    if (strict.total() > 0 || !looserExists) return strict;
    return run(searcher, req, and(queries.loose(words), filters), closeness, words, true);
  }

  private SearchResult run(IndexSearcher searcher, SearchRequest req, Query query, Query closeness, List<Word> words,
      boolean partial) throws IOException {
    boolean rescore = closeness != null && req.sort().equals("relevance");
    int wanted = req.offset() + req.limit();
    int collect = rescore ? Math.max(wanted, RESCORE_TOP) : wanted;
    var top = switch (req.sort()) {
      case "date" -> new TopFieldCollectorManager(
          new Sort(new SortField(DATE, SortField.Type.LONG, true), SortField.FIELD_SCORE), wanted, null, 1000);
      case "distance" -> new TopFieldCollectorManager(
          new Sort(LatLonDocValuesField.newDistanceSort(GEO, req.latitude(), req.longitude())), wanted, null, 1000);
      default -> new TopScoreDocCollectorManager(collect, 1000);
    };
    Object[] both = searcher.search(query, new MultiCollectorManager(top, new FacetCounter()));
    TopDocs topDocs = (TopDocs) both[0];
    // words standing close together: scored for the best hits only, spans on every match cost too much
    if (rescore) topDocs = QueryRescorer.rescore(searcher, topDocs, closeness, 1.0, wanted);
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Long>> facets = (Map<String, Map<String, Long>>) both[1];
    List<SearchHit> hits = new ArrayList<>();
    StoredFields stored = searcher.storedFields();
    Set<String> marks = highlightTerms(words);
    ScoreDoc[] docs = topDocs.scoreDocs;
    for (int i = req.offset(); i < docs.length; i++) hits.add(hit(stored, docs[i], marks));
    return new SearchResult(req, FacetCounter.total(facets), partial, searcher.timedOut(), hits, facets);
  }

  private SearchHit hit(StoredFields stored, ScoreDoc sd, Set<String> marks) throws IOException {
    var doc = stored.document(sd.doc);
    String title = doc.get(TITLE);
    String body = doc.get(BODY);
    return new SearchHit(doc.get(TYPE), doc.getField(ID).numericValue().longValue(), doc.get(SLUG), title,
        (TYPE_ARTICLE.equals(doc.get(TYPE)) ? "/news/" : "/stations/") + doc.get(SLUG),
        Snippet.whole(title, marks), Snippet.best(body == null ? "" : body, marks),
        doc.get(REGION), doc.get(KIND), doc.get(DATE_TEXT), "synthetic".equals(doc.get(ORIGIN)),
        Float.isNaN(sd.score) ? 0f : sd.score);
  }

  /** The forms of the query's words as they may appear in the text, synonyms included. */
  private Set<String> highlightTerms(List<Word> words) {
    Set<String> out = new LinkedHashSet<>();
    for (Word w : words) {
      if (w.kind() == Kind.HAN) out.addAll(synonyms.expand(w.text()));
      else if (w.text().length() > 1 || Character.isDigit(w.text().charAt(0))) out.add(w.text());
    }
    return out;
  }

  private static Query filters(SearchRequest req) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    switch (req.type()) {
      case "news" -> b.add(new TermQuery(new Term(TYPE, TYPE_ARTICLE)), Occur.FILTER);
      case "stations" -> b.add(new TermQuery(new Term(TYPE, TYPE_STATION)), Occur.FILTER);
      default -> { }
    }
    if (!req.kind().isEmpty()) b.add(new TermQuery(new Term(KIND, req.kind())), Occur.FILTER);
    if (!req.province().isEmpty()) b.add(new TermQuery(new Term(PROVINCE, req.province())), Occur.FILTER);
    if (!req.city().isEmpty()) b.add(new TermQuery(new Term(CITY, req.city())), Occur.FILTER);
    if (!req.district().isEmpty()) b.add(new TermQuery(new Term(DISTRICT, req.district())), Occur.FILTER);
    if (!req.year().isEmpty()) b.add(new TermQuery(new Term(YEAR, req.year())), Occur.FILTER);
    if (req.latitude() != null) {
      b.add(LatLonPoint.newDistanceQuery(GEO, req.latitude(), req.longitude(), req.radiusKm() * 1000), Occur.FILTER);
    }
    BooleanQuery q = b.build();
    return q.clauses().isEmpty() ? null : q;
  }

  private static Query and(Query main, Query filters) {
    if (filters == null) return main;
    return new BooleanQuery.Builder().add(main, Occur.MUST).add(filters, Occur.FILTER).build();
  }

  static Map<String, Map<String, Long>> emptyFacets() {
    Map<String, Map<String, Long>> m = new java.util.LinkedHashMap<>();
    FacetCounter.DIMENSIONS.forEach(d -> m.put(d, Map.of()));
    return m;
  }
}

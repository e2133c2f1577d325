package cn.shegong.portal.search;

import static cn.shegong.portal.search.SearchFields.*;

import cn.shegong.portal.search.QueryWords.Kind;
import cn.shegong.portal.search.QueryWords.Word;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * Runs a {@link SearchRequest} against an index reader: strict first, loose only if strict finds
 * nothing.
 */
public final class SearchEngine {
  static final int RESCORE_TOP = 200;

  /**
   * Matches with the words close together that make the far-apart-only ones unnecessary: a page of
   * them.
   */
  static final int ENOUGH_CLOSE = 10;

  /**
   * Matches counted (and faceted) at most: past it a page shows “10,000+” and the top hits may skip
   * the rest.
   */
  public static final int COUNT_LIMIT = 10_000;

  private final QueryWords queryWords;
  private final QueryBuilder queries;
  private final QueryBudget budget;
  private final Units units;
  private final DidYouMean didYouMean;
  private final Synonyms synonyms;
  private final Duration timeout;
  private final int countLimit;

  public SearchEngine(Synonyms synonyms, Duration timeout) {
    this(synonyms, timeout, COUNT_LIMIT);
  }

  SearchEngine(Synonyms synonyms, Duration timeout, int countLimit) {
    this.countLimit = countLimit;
    this.synonyms = synonyms;
    this.queryWords = new QueryWords(synonyms.terms());
    this.queries = new QueryBuilder(synonyms);
    this.budget = new QueryBudget(queries);
    this.units = new Units(synonyms);
    this.didYouMean = new DidYouMean(synonyms.terms());
    this.timeout = timeout;
  }

  public List<Word> words(String query) {
    return queryWords.split(query);
  }

  public SearchResult search(IndexSearcher shared, SearchRequest req) throws IOException {
    QueryBudget.Kept kept = budget.keep(words(req.query()));
    List<Word> typed = kept.words();
    if (typed.isEmpty())
      return new SearchResult(
          req, 0, false, false, false, List.of(), emptyFacets(), null, List.of());
    // a fresh searcher per request: the time limit belongs to this search, not to the shared
    // instance
    IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
    searcher.setTimeout(new QueryTimeoutImpl(timeout.toMillis()));
    // names typed as several words become one word each (see Units); the loose search keeps the
    // words as typed
    List<Word> words = units.merge(shared, typed);
    // a name's forms must not take the query past what Lucene runs (see QueryBudget)
    if (words != typed && budget.cost(words) > QueryBudget.MAX_CLAUSES) words = typed;
    SearchResult strict =
        run(
            searcher,
            req,
            queries.strict(words),
            queries.proximity(words).orElse(null),
            queries.close(words).orElse(null),
            words,
            false,
            kept.notice());
    boolean looserExists = QueryBuilder.hasLooserForm(typed);
    if (strict.total() > 0 || !looserExists) return withAlternatives(shared, strict);
    SearchResult loose =
        run(
            searcher,
            req,
            queries.loose(typed),
            queries.proximity(typed).orElse(null),
            null,
            typed,
            true,
            kept.notice());
    return withAlternatives(shared, loose);
  }

  /** "您是不是要找" for a search that found nothing, or only part of what was asked. */
  private SearchResult withAlternatives(IndexSearcher searcher, SearchResult r) throws IOException {
    if (r.total() > 0 && !r.partial()) return r;
    return r.with(didYouMean.suggest(searcher.getIndexReader(), r.request().query()));
  }

  private SearchResult run(
      IndexSearcher searcher,
      SearchRequest req,
      Query main,
      Query closeness,
      Query close,
      List<Word> words,
      boolean partial,
      String notice)
      throws IOException {
    Query filters = filters(req, "");
    if (close != null) {
      Query closeOnly =
          new BooleanQuery.Builder().add(main, Occur.MUST).add(close, Occur.FILTER).build();
      if (searcher.count(and(closeOnly, filters)) >= ENOUGH_CLOSE) main = closeOnly;
    }
    Query query = and(main, filters);
    boolean rescore = closeness != null && req.sort().equals("relevance");
    int wanted = req.offset() + req.limit();
    int collect = rescore ? Math.max(wanted, RESCORE_TOP) : wanted;
    // one pass counts the first matches up to the limit and collects the top hits; past the limit
    // (a broad query)
    // Lucene may skip documents that cannot enter the top hits
    var first =
        searcher.search(query, new CountedTopHits(top(req, collect, countLimit), countLimit));
    FacetCounter.Facets counted = first.facets();
    TopDocs topDocs = first.top();
    // words standing close together: scored for the best hits only, spans on every match cost too
    // much
    if (rescore) topDocs = QueryRescorer.rescore(searcher, topDocs, closeness, 1.0, wanted);
    Map<String, Map<String, Long>> facets = othersApplied(searcher, req, main, counted.counts());
    List<SearchHit> hits = new ArrayList<>();
    StoredFields stored = searcher.storedFields();
    Set<String> marks = highlightTerms(words);
    ScoreDoc[] docs = topDocs.scoreDocs;
    for (int i = req.offset(); i < docs.length; i++) hits.add(hit(stored, docs[i], marks));
    return new SearchResult(
        req,
        counted.counted(),
        counted.capped(),
        partial,
        searcher.timedOut(),
        hits,
        facets,
        notice,
        List.of());
  }

  private static CollectorManager<? extends Collector, ? extends TopDocs> top(
      SearchRequest req, int collect, int threshold) {
    return switch (req.sort()) {
      case "date" ->
          new TopFieldCollectorManager(
              new Sort(new SortField(DATE, SortField.Type.LONG, true), SortField.FIELD_SCORE),
              collect,
              null,
              threshold);
      case "distance" ->
          new TopFieldCollectorManager(
              new Sort(LatLonDocValuesField.newDistanceSort(GEO, req.latitude(), req.longitude())),
              collect,
              null,
              threshold);
      default -> new TopScoreDocCollectorManager(collect, threshold);
    };
  }

  private SearchHit hit(StoredFields stored, ScoreDoc sd, Set<String> marks) throws IOException {
    var doc = stored.document(sd.doc);
    String title = doc.get(TITLE);
    String body = doc.get(BODY);
    return new SearchHit(
        doc.get(TYPE),
        doc.getField(ID).numericValue().longValue(),
        doc.get(SLUG),
        title,
        SearchFields.url(doc.get(TYPE), doc.get(SLUG)),
        Snippet.whole(title, marks),
        Snippet.best(body == null ? "" : body, marks),
        doc.get(REGION),
        doc.get(KIND),
        doc.get(DATE_TEXT),
        "synthetic".equals(doc.get(ORIGIN)),
        Float.isNaN(sd.score) ? 0f : sd.score);
  }

  /** The forms of the query's words as they may appear in the text, synonyms included. */
  private Set<String> highlightTerms(List<Word> words) {
    Set<String> out = new LinkedHashSet<>();
    for (Word w : words) {
      if (w.kind() == Kind.HAN)
        out.addAll(
            w.parts().isEmpty() ? synonyms.expand(w.text()) : Units.forms(synonyms, w.parts()));
      else if (w.text().length() > 1 || Character.isDigit(w.text().charAt(0))) out.add(w.text());
    }
    return out;
  }

  /**
   * Each facet counts with the other filters applied but not its own, so a reader can switch from
   * one province to another: one more (limited) counting pass per dimension the request filters on.
   */
  private Map<String, Map<String, Long>> othersApplied(
      IndexSearcher searcher, SearchRequest req, Query main, Map<String, Map<String, Long>> counts)
      throws IOException {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>(counts);
    for (String dim : FacetCounter.DIMENSIONS) {
      if (filterValue(req, dim).isEmpty()) continue;
      FacetCounter.Facets without =
          searcher.search(and(main, filters(req, dim)), new FacetCounter(countLimit));
      out.put(dim, without.counts().get(dim));
    }
    return out;
  }

  private static String filterValue(SearchRequest req, String dim) {
    return switch (dim) {
      case TYPE ->
          switch (req.type()) {
            case "news" -> TYPE_ARTICLE;
            case "stations" -> TYPE_STATION;
            default -> "";
          };
      case KIND -> req.kind();
      case PROVINCE -> req.province();
      case YEAR -> req.year();
      default -> "";
    };
  }

  /** The request's filters except the one on {@code except} (a facet dimension, or "" for none). */
  private static Query filters(SearchRequest req, String except) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String dim : FacetCounter.DIMENSIONS) {
      String value = filterValue(req, dim);
      if (!value.isEmpty() && !dim.equals(except))
        b.add(new TermQuery(new Term(dim, value)), Occur.FILTER);
    }
    if (!req.city().isEmpty()) b.add(new TermQuery(new Term(CITY, req.city())), Occur.FILTER);
    if (!req.district().isEmpty())
      b.add(new TermQuery(new Term(DISTRICT, req.district())), Occur.FILTER);
    if (req.latitude() != null) {
      b.add(
          LatLonPoint.newDistanceQuery(GEO, req.latitude(), req.longitude(), req.radiusKm() * 1000),
          Occur.FILTER);
    }
    BooleanQuery q = b.build();
    return q.clauses().isEmpty() ? null : q;
  }

  private static Query and(Query main, Query filters) {
    if (filters == null) return main;
    return new BooleanQuery.Builder().add(main, Occur.MUST).add(filters, Occur.FILTER).build();
  }

  static Map<String, Map<String, Long>> emptyFacets() {
    return FacetCounter.Facets.empty().counts();
  }
}

package cn.shegong.portal.search;

import static cn.shegong.portal.search.SearchTesting.enc;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The relevance figures of search-queries.tsv, measured through /api/search on a portal seeded with
 * the project's curated articles, next to a naive baseline (QueryParser + SmartChineseAnalyzer, OR)
 * over the same articles.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Search relevance over the seed articles")
class SearchRelevanceTest {
  static TestPortal portal;

  /** article id → full text (title + headline lines + body), as the judgements read it */
  static final Map<Long, String> texts = new LinkedHashMap<>();

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal = TestPortal.create(vertx).start().await(2, TimeUnit.MINUTES);
    SearchTesting.awaitIndex(portal);
    try (var c = DriverManager.getConnection(portal.database().jdbcUrl(), "postgres", "");
        var rs =
            c.createStatement()
                .executeQuery(
                    "SELECT id, title, kicker, subtitle, body FROM articles WHERE status = 'published' ORDER BY id")) {
      while (rs.next())
        texts.put(
            rs.getLong(1),
            String.join("\n", rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  record Figures(double coreNdcg, double corePrecision, double beyondNdcg) {
    @Override
    public String toString() {
      return String.format(
          "core nDCG@10 = %.3f, core precision = %.3f, beyond nDCG@10 = %.3f",
          coreNdcg, corePrecision, beyondNdcg);
    }
  }

  /** The figures measured before names were matched as units: the judged set must not lose. */
  static final Figures BEFORE = new Figures(0.994, 0.914, 0.928);

  @Test
  @DisplayName(
      "core nDCG@10 ≥ 0.95, core precision ≥ 0.90, beyond nDCG@10 ≥ 0.80, no lower than before names were units, and better than the naive baseline")
  void relevance() throws Exception {
    assertTrue(texts.size() >= 13, "seed articles loaded: " + texts.size());
    Figures portalFigures = measure("portal", SearchRelevanceTest::portalSearch);
    Figures baseline = measure("baseline", naiveSearch());
    System.out.println("Search relevance (portal):   " + portalFigures);
    System.out.println(
        "Search relevance (baseline): " + baseline + "  [QueryParser + SmartChineseAnalyzer, OR]");
    assertTrue(portalFigures.coreNdcg() >= 0.95, portalFigures.toString());
    assertTrue(portalFigures.corePrecision() >= 0.90, portalFigures.toString());
    assertTrue(portalFigures.beyondNdcg() >= 0.80, portalFigures.toString());
    assertTrue(portalFigures.coreNdcg() >= BEFORE.coreNdcg() - 1e-3, "no loss: " + portalFigures);
    assertTrue(
        portalFigures.corePrecision() >= BEFORE.corePrecision() - 1e-3,
        "no loss: " + portalFigures);
    assertTrue(
        portalFigures.beyondNdcg() >= BEFORE.beyondNdcg() - 1e-3, "no loss: " + portalFigures);
    assertTrue(
        portalFigures.corePrecision() > baseline.corePrecision(), "better than the baseline");
  }

  @Test
  @DisplayName(
      "an institution, project or place name finds only reports that hold it: precision 1.0 for every name query")
  void namesAreUnits() throws Exception {
    List<String> failed = new ArrayList<>();
    for (Judgements j : Judgements.names()) {
      List<Integer> got =
          portalSearch(j.query()).stream().limit(10).map(id -> j.grade(texts.get(id))).toList();
      double p = Judgements.precision(got);
      System.out.printf("  names  %-12s P=%.2f grades=%s%n", j.query(), p, got);
      if (p < 1.0) failed.add(j.query() + " " + got);
    }
    assertTrue(failed.isEmpty(), "precision below 1.0: " + failed);
  }

  private static List<Long> portalSearch(String q) {
    try {
      JsonObject body = SearchTesting.api(portal, "type=news&limit=10&q=" + enc(q));
      List<Long> ids = new ArrayList<>();
      StringBuilder scores = new StringBuilder();
      double top =
          body.getJsonArray("hits").isEmpty()
              ? 1
              : body.getJsonArray("hits").getJsonObject(0).getDouble("score");
      body.getJsonArray("hits")
          .forEach(
              h -> {
                ids.add(((JsonObject) h).getLong("id"));
                scores.append(
                    String.format(
                        " %.2f:%s",
                        ((JsonObject) h).getDouble("score") / top,
                        ((JsonObject) h).getString("title").substring(0, 6)));
              });
      System.out.println("    " + q + scores);
      return ids;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Figures measure(String name, Function<String, List<Long>> search)
      throws Exception {
    Map<String, List<Double>> ndcg = new TreeMap<>();
    List<Double> precision = new ArrayList<>();
    for (Judgements j : Judgements.load()) {
      List<Integer> all = texts.values().stream().map(j::grade).toList();
      List<Integer> got =
          search.apply(j.query()).stream().limit(10).map(id -> j.grade(texts.get(id))).toList();
      double n = Judgements.ndcg(got, all);
      double p = Judgements.precision(got);
      ndcg.computeIfAbsent(j.set(), k -> new ArrayList<>()).add(n);
      if (j.set().equals("core")) precision.add(p);
      System.out.printf(
          "  %-8s %-6s %-12s nDCG=%.2f P=%.2f grades=%s%n", name, j.set(), j.query(), n, p, got);
    }
    return new Figures(mean(ndcg.get("core")), mean(precision), mean(ndcg.get("beyond")));
  }

  private static double mean(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }

  /**
   * The search the issue sets out to beat: every article's text in one field, the query parsed as
   * given.
   */
  private static Function<String, List<Long>> naiveSearch() throws Exception {
    var analyzer = new SmartChineseAnalyzer();
    var dir = new ByteBuffersDirectory();
    try (var w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
      for (var e : texts.entrySet()) {
        Document d = new Document();
        d.add(new StoredField("id", e.getKey()));
        d.add(new TextField("text", e.getValue(), Field.Store.NO));
        w.addDocument(d);
      }
    }
    IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(dir));
    return q -> {
      try {
        var hits =
            searcher.search(new QueryParser("text", analyzer).parse(QueryParser.escape(q)), 10)
                .scoreDocs;
        List<Long> ids = new ArrayList<>();
        for (var h : hits)
          ids.add(
              searcher.storedFields().document(h.doc).getField("id").numericValue().longValue());
        return ids;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
  }
}

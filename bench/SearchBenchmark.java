import cn.shegong.portal.config.AppConfig;
import cn.shegong.portal.db.Database;
import cn.shegong.portal.search.IndexBuilder;
import cn.shegong.portal.search.IndexGenerations;
import cn.shegong.portal.search.QueryWords;
import cn.shegong.portal.search.SearchEngine;
import cn.shegong.portal.search.SearchIndex;
import cn.shegong.portal.search.SearchRequest;
import cn.shegong.portal.search.Synonyms;
import cn.shegong.portal.seeds.SeedImporter;
import cn.shegong.portal.synthetic.GenerateCommand;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The search benchmark of issue 3 (not a test): fills a fresh database with synthetic rows,
 * rebuilds the index, then times a query mix through the portal's search engine and the same words
 * as PostgreSQL ILIKE. Run with bench/search.sh [articles] [stations].
 */
public class SearchBenchmark {
  static final List<String> QUERIES =
      List.of(
          "社工",
          "医务社工",
          "心理健康",
          "居家养老",
          "嘉定",
          "淄博 志愿服务",
          "社工站全覆盖",
          "lasa",
          "jiading",
          "醫務社工",
          "儿童关爱 服务项目",
          "精神障碍社区康复",
          "北京 医院",
          "zibo",
          "社区治理",
          "不存在的词语组合");

  public static void main(String[] args) throws Exception {
    int articles = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int stations = args.length > 1 ? Integer.parseInt(args[1]) : 30_000;
    String dbName =
        "portal_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    admin("CREATE DATABASE " + dbName);
    Path indexDir = Files.createTempDirectory("portal-bench-index-");
    Vertx vertx = Vertx.vertx();
    try {
      AppConfig config =
          AppConfig.from(
              Map.of(
                  "PORTAL_DB_URL",
                  "postgresql://postgres@127.0.0.1:5432/" + dbName,
                  "PORTAL_INDEX_DIR",
                  indexDir.toString(),
                  "PORTAL_DB_STATEMENT_TIMEOUT_MS",
                  "120000"));
      Database db = Database.open(vertx, config).await(5, TimeUnit.MINUTES);
      new SeedImporter(vertx, db.pool(), Path.of("seeds"))
          .importIfEmpty()
          .await(5, TimeUnit.MINUTES);
      long t0 = System.nanoTime();
      GenerateCommand.generate(db.pool(), articles, stations).await(60, TimeUnit.MINUTES);
      System.out.printf(
          "generate: %d articles + %d stations in %.1f s%n", articles, stations, secs(t0));
      db.pool().query("VACUUM ANALYZE articles").execute().await(10, TimeUnit.MINUTES);
      db.pool().query("VACUUM ANALYZE stations").execute().await(10, TimeUnit.MINUTES);

      IndexBuilder.Built built =
          new IndexBuilder(vertx, db.pool(), new IndexGenerations(indexDir))
              .rebuild()
              .await(60, TimeUnit.MINUTES);
      System.out.printf(
          "index rebuild: %d documents in %.1f s (%d cores)%n",
          built.documents(), built.millis() / 1000.0, Runtime.getRuntime().availableProcessors());

      SearchEngine engine =
          new SearchEngine(Synonyms.load(Optional.empty()), Duration.ofMillis(800));
      System.out.println("load average (1, 5, 15 min) before searching: " + loadAverage());
      try (SearchIndex index = SearchIndex.open(built.path())) {
        for (int i = 0; i < 20; i++)
          for (String q : QUERIES)
            index.withSearcher(s -> engine.search(s, SearchRequest.simple(q, 10)));
        List<Double> lucene = new ArrayList<>();
        Map<String, List<Double>> perQuery = new java.util.LinkedHashMap<>();
        Map<String, Long> totals = new java.util.HashMap<>();
        Map<String, Boolean> capped = new java.util.HashMap<>();
        for (int round = 0; round < 40; round++) {
          for (String q : QUERIES) {
            long s0 = System.nanoTime();
            var result = index.withSearcher(s -> engine.search(s, SearchRequest.simple(q, 10)));
            totals.put(q, result.total());
            capped.put(q, result.capped());
            double ms = (System.nanoTime() - s0) / 1e6;
            lucene.add(ms);
            perQuery.computeIfAbsent(q, k -> new ArrayList<>()).add(ms);
          }
        }
        long hits = totals.values().stream().mapToLong(Long::longValue).sum();
        perQuery.forEach(
            (q, xs) ->
                System.out.printf(
                    "  %-12s %7d%s hits  p50 %6.2f ms  p99 %6.2f ms%n",
                    q, totals.get(q), capped.get(q) ? "+" : " ", pct(xs, 50), pct(xs, 99)));
        List<Double> ilike = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
          for (String q : QUERIES) {
            List<String> words = engine.words(q).stream().map(QueryWords.Word::text).toList();
            long s0 = System.nanoTime();
            ilikeSearch(db, words);
            ilike.add((System.nanoTime() - s0) / 1e6);
          }
        }
        double p50 = pct(lucene, 50),
            p99 = pct(lucene, 99),
            i50 = pct(ilike, 50),
            i99 = pct(ilike, 99);
        System.out.printf(
            "search (Lucene, %d runs, %d hits per round): p50 %.2f ms, p99 %.2f ms%n",
            lucene.size(), hits, p50, p99);
        System.out.printf(
            "search (ILIKE, %d runs): p50 %.1f ms, p99 %.1f ms%n", ilike.size(), i50, i99);
        System.out.printf("ILIKE / Lucene: p50 %.0f×, p99 %.0f×%n", i50 / p50, i99 / p99);
        System.out.println("load average (1, 5, 15 min) at the end: " + loadAverage());
      }
      db.close(vertx).await(1, TimeUnit.MINUTES);
    } finally {
      vertx.close().await(1, TimeUnit.MINUTES);
      admin("DROP DATABASE IF EXISTS " + dbName + " WITH (FORCE)");
      deleteTree(indexDir);
    }
  }

  /**
   * Every word in title or body (articles) or name or description (stations), newest first, with a
   * count.
   */
  static void ilikeSearch(Database db, List<String> words) throws Exception {
    if (words.isEmpty()) return;
    StringBuilder a =
        new StringBuilder(
            "SELECT id, title, count(*) OVER () FROM articles WHERE status = 'published'");
    StringBuilder s =
        new StringBuilder("SELECT id, name, count(*) OVER () FROM stations WHERE true");
    List<Object> params = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      a.append(" AND (title ILIKE $")
          .append(i + 1)
          .append(" OR body ILIKE $")
          .append(i + 1)
          .append(')');
      s.append(" AND (name ILIKE $")
          .append(i + 1)
          .append(" OR description ILIKE $")
          .append(i + 1)
          .append(')');
      params.add("%" + words.get(i) + "%");
    }
    db.pool()
        .preparedQuery(a + " ORDER BY published_at DESC LIMIT 10")
        .execute(Tuple.from(params))
        .await(2, TimeUnit.MINUTES);
    db.pool()
        .preparedQuery(s + " ORDER BY id LIMIT 10")
        .execute(Tuple.from(params))
        .await(2, TimeUnit.MINUTES);
  }

  static double pct(List<Double> xs, int p) {
    List<Double> sorted = new ArrayList<>(xs);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  /**
   * The machine's load average, to read the timings by (they are wall-clock times on a shared
   * machine).
   */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (Exception e) {
      return "unknown";
    }
  }

  static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  static void admin(String sql) throws Exception {
    try (var c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
        var st = c.createStatement()) {
      st.execute(sql);
    }
  }

  static void deleteTree(Path dir) throws Exception {
    try (var all = Files.walk(dir)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList())
        Files.deleteIfExists(p);
    }
  }
}

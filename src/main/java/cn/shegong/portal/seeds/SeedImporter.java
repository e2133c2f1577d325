package cn.shegong.portal.seeds;

import cn.shegong.portal.news.ArticleDraft;
import cn.shegong.portal.news.ArticleRepository;
import cn.shegong.portal.stations.StationDraft;
import cn.shegong.portal.stations.StationRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the curated seed articles and stations. Idempotent by slug: an existing row is never
 * overwritten, so editors' corrections survive a re-import. A bad file is reported and skipped.
 */
public final class SeedImporter {
  private static final Logger log = LoggerFactory.getLogger(SeedImporter.class);

  /** What an import did. */
  public record Report(
      int articlesAdded, int stationsAdded, int linksAdded, List<SeedProblem> problems) {}

  private final Vertx vertx;
  private final Pool pool;
  private final Path seedsDir;

  public SeedImporter(Vertx vertx, Pool pool, Path seedsDir) {
    this.vertx = vertx;
    this.pool = pool;
    this.seedsDir = seedsDir;
  }

  /** Imports only when the database holds no real content yet: the first start. */
  public Future<Report> importIfEmpty() {
    return pool.query(
            "SELECT EXISTS (SELECT 1 FROM articles WHERE origin <> 'synthetic') "
                + "OR EXISTS (SELECT 1 FROM stations WHERE origin <> 'synthetic')")
        .execute()
        .compose(
            rows ->
                rows.iterator().next().getBoolean(0)
                    ? Future.succeededFuture(new Report(0, 0, 0, List.of()))
                    : importAll());
  }

  public Future<Report> importAll() {
    return vertx
        .executeBlocking(() -> SeedFiles.read(seedsDir), false)
        .compose(files -> pool.withTransaction(conn -> write(conn, files)))
        .onSuccess(
            r -> {
              r.problems().forEach(p -> log.warn("Seed problem, skipped: {}", p));
              log.info(
                  "Seeds from {}: {} articles, {} stations, {} links added; {} problems",
                  seedsDir.toAbsolutePath(),
                  r.articlesAdded(),
                  r.stationsAdded(),
                  r.linksAdded(),
                  r.problems().size());
            });
  }

  private Future<Report> write(SqlConnection conn, SeedFiles files) {
    ArticleRepository articles = new ArticleRepository(conn);
    StationRepository stations = new StationRepository(conn);
    int[] counts = new int[3];
    Future<Void> chain = Future.succeededFuture();
    for (ArticleDraft a : files.articles()) {
      chain =
          chain
              .compose(v -> articles.insertIfAbsent(a, "seed"))
              .map(id -> count(counts, 0, id.isPresent()));
    }
    for (StationDraft s : files.stations()) {
      chain =
          chain
              .compose(v -> stations.insertIfAbsent(s, "seed"))
              .map(id -> count(counts, 1, id.isPresent()));
    }
    for (ArticleDraft a : files.articles()) {
      for (String stationSlug : a.stationSlugs()) {
        chain =
            chain
                .compose(v -> link(conn, a.slug(), stationSlug))
                .map(added -> count(counts, 2, added));
      }
    }
    return chain.map(v -> new Report(counts[0], counts[1], counts[2], files.problems()));
  }

  private static Future<Boolean> link(SqlConnection conn, String articleSlug, String stationSlug) {
    return conn.preparedQuery(
            "INSERT INTO article_stations (article_id, station_id) "
                + "SELECT a.id, s.id FROM articles a, stations s WHERE a.slug = $1 AND s.slug = $2 "
                + "ON CONFLICT DO NOTHING")
        .execute(Tuple.of(articleSlug, stationSlug))
        .map(rows -> rows.rowCount() > 0);
  }

  private static Void count(int[] counts, int which, boolean added) {
    if (added) counts[which]++;
    return null;
  }
}

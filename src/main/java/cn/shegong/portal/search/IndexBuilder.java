package cn.shegong.portal.search;

import cn.shegong.portal.db.ChangeLog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a complete index from PostgreSQL into a new generation and makes it current. The horizon
 * is read before any content, so every change the build might have missed is at or above the
 * position it records.
 */
public final class IndexBuilder {
  private static final Logger log = LoggerFactory.getLogger(IndexBuilder.class);
  private static final int PAGE = 2000;

  private final Vertx vertx;
  private final Pool pool;
  private final IndexGenerations generations;
  private final ContentReader content;

  public IndexBuilder(Vertx vertx, Pool pool, IndexGenerations generations) {
    this.vertx = vertx;
    this.pool = pool;
    this.generations = generations;
    this.content = new ContentReader(pool);
  }

  /** Builds, commits, closes and promotes a new generation; returns its path and document count. */
  public Future<Built> rebuild() {
    long started = System.nanoTime();
    WorkerExecutor worker =
        vertx.createSharedWorkerExecutor("search-build-" + System.nanoTime(), 2);
    return pool.query(ChangeLog.HORIZON_SQL)
        .execute()
        .map(rows -> rows.iterator().next().getLong("horizon"))
        .compose(
            horizon ->
                worker
                    .executeBlocking(() -> SearchIndex.create(generations.create()))
                    .compose(
                        index ->
                            copy(
                                    worker,
                                    index,
                                    content::articlesAfter,
                                    0,
                                    0,
                                    Future.succeededFuture())
                                .compose(
                                    n ->
                                        copy(
                                            worker,
                                            index,
                                            content::stationsAfter,
                                            0,
                                            n,
                                            Future.succeededFuture()))
                                .compose(
                                    n ->
                                        worker.executeBlocking(
                                            () -> {
                                              index.mergeIntoOne();
                                              index.commit(horizon);
                                              index.close();
                                              generations.promote(index.path());
                                              return new Built(
                                                  index.path(),
                                                  n,
                                                  (System.nanoTime() - started) / 1_000_000);
                                            }))
                                .onFailure(
                                    e ->
                                        worker.executeBlocking(
                                            () -> {
                                              index.close();
                                              IndexGenerations.deleteTree(index.path());
                                              return null;
                                            }))))
        .onSuccess(
            b ->
                log.info(
                    "Search index rebuilt: {} documents in {} ms ({})",
                    b.documents(),
                    b.millis(),
                    b.path()))
        .eventually(worker::close);
  }

  public record Built(Path path, long documents, long millis) {}

  /**
   * Pages through one table: a page is indexed while the previous one may still be (two threads),
   * and the next page is fetched only then, so memory holds at most a few pages.
   */
  private Future<Long> copy(
      WorkerExecutor worker,
      SearchIndex index,
      BiFunction<Long, Integer, Future<List<Indexable>>> page,
      long afterId,
      long count,
      Future<Void> previous) {
    return page.apply(afterId, PAGE)
        .compose(
            items -> {
              if (items.isEmpty()) return previous.map(count);
              long last = items.get(items.size() - 1).id();
              // the continuation below lives until the whole build ends: it must not hold the page
              long copied = count + items.size();
              Future<Void> added =
                  worker.executeBlocking(
                      () -> {
                        index.add(items);
                        return null;
                      },
                      false);
              return previous.compose(v -> copy(worker, index, page, last, copied, added));
            });
  }
}

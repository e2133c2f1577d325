package cn.shegong.portal.search;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SearchIndex} reached through futures: writes run one at a time on a single worker
 * thread, searches on a small pool of their own, so no Lucene call ever runs on an event loop and
 * searches never wait for writes.
 */
public final class IndexWorker {
  private static final Logger log = LoggerFactory.getLogger(IndexWorker.class);
  private final SearchIndex index;
  private final WorkerExecutor writer;
  private final WorkerExecutor readers;
  private final AtomicLong applied = new AtomicLong();

  private IndexWorker(SearchIndex index, WorkerExecutor writer, WorkerExecutor readers) {
    this.index = index;
    this.writer = writer;
    this.readers = readers;
  }

  public static IndexWorker of(Vertx vertx, SearchIndex index, int searchThreads) {
    String name = "search-" + UUID.randomUUID().toString().substring(0, 8);
    return new IndexWorker(
        index,
        vertx.createSharedWorkerExecutor(name + "-writer", 1),
        vertx.createSharedWorkerExecutor(name + "-reader", searchThreads));
  }

  public SearchIndex index() {
    return index;
  }

  /**
   * Replaces and removes documents, then refreshes readers (near-real-time: visible when this
   * completes).
   */
  public Future<Void> apply(Collection<Indexable> upserts, Collection<String> deletions) {
    return writer.executeBlocking(
        () -> {
          index.apply(upserts, deletions);
          index.refresh();
          applied.incrementAndGet();
          return null;
        });
  }

  /**
   * How many batches of changes readers have seen: moves whenever what a search finds may have
   * changed.
   */
  public long changes() {
    return applied.get();
  }

  public Future<Void> commit(long position) {
    return writer.executeBlocking(
        () -> {
          index.commit(position);
          return null;
        });
  }

  public <T> Future<T> withSearcher(SearchIndex.SearcherFunction<T> work) {
    return readers.executeBlocking(() -> index.withSearcher(work));
  }

  /** Commits and closes the index after the writes already queued. */
  public Future<Void> close() {
    Future<Void> closed =
        writer.executeBlocking(
            () -> {
              index.close();
              log.info("Search index committed and closed: {}", index.path());
              return null;
            });
    return closed.eventually(() -> Future.all(writer.close(), readers.close()));
  }
}

package cn.shegong.portal.db;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of following change_log for {@link ChangeFeed}: keeps its applier in step. NOTIFY only
 * wakes it; a periodic poll is the safety net for notifications lost while disconnected. The
 * position is a transaction horizon, not a sequence number: every transaction below it has
 * finished, so its rows are all visible. Rows of transactions at or above the horizon are applied
 * as soon as they are visible and read again until the horizon passes them, which is what keeps a
 * transaction that took a low seq but committed late from being skipped. Applying is idempotent: an
 * entity's current row is read and indexed, or its document deleted when the row is gone or no
 * longer public.
 */
final class ChangeFollowing {
  private static final Logger log = LoggerFactory.getLogger(ChangeFollowing.class);
  static final String CHANNEL = "content_changes";
  private static final int BATCH = 2000;

  private final Vertx vertx;
  private final Pool pool;
  private final PgConnectOptions connect;
  private final Reachability reachability;
  private final ChangeFeed.Applier applier;
  private final long pollMs;
  private final BiConsumer<Boolean, Set<Long>> onApplied;
  private final CatchUps catchUps = new CatchUps();

  /**
   * seq → txid of rows applied whose transaction is not yet below the horizon: not applied twice.
   */
  private final Map<Long, Long> appliedAbove = new HashMap<>();

  private long position;

  /** The keys of {@link #appliedAbove}, for readers on other threads. */
  private volatile Set<Long> appliedAboveSeqs = Set.of();

  private volatile PgSubscriber subscriber;
  private long timer = -1;
  private boolean running;
  private boolean again;
  private volatile boolean stopped;

  ChangeFollowing(
      Vertx vertx,
      Pool pool,
      PgConnectOptions connect,
      Reachability reachability,
      ChangeFeed.Applier applier,
      long position,
      long pollMs,
      BiConsumer<Boolean, Set<Long>> onApplied) {
    this.vertx = vertx;
    this.pool = pool;
    this.connect = connect;
    this.reachability = reachability;
    this.applier = applier;
    this.position = position;
    this.pollMs = pollMs;
    this.onApplied = onApplied;
  }

  void start() {
    subscriber = PgSubscriber.subscriber(vertx, connect);
    subscriber.reconnectPolicy(retries -> 1000L); // keep trying; the poll covers the gap
    subscriber.channel(CHANNEL).handler(payload -> wake());
    subscriber
        .connect()
        .onFailure(
            e -> log.warn("LISTEN {} failed, relying on polling: {}", CHANNEL, e.toString()));
    timer = vertx.setPeriodic(pollMs, id -> wake());
    wake();
  }

  /** One catch-up cycle now, or right after the one in progress; callable from any thread. */
  void wake() {
    List<Promise<Void>> answered;
    synchronized (this) {
      if (stopped) return;
      if (running) {
        again = true;
        return;
      }
      running = true;
      again = false;
      answered = catchUps.begin();
    }
    reachability
        .watch(cycle())
        .onComplete(
            done -> {
              if (done.failed())
                log.warn(
                    "Following the change log failed, will retry: {}", done.cause().toString());
              CatchUps.answer(answered, done);
              if (finished()) wake();
            });
  }

  /** The cycle has ended; true if another was asked for meanwhile. */
  private synchronized boolean finished() {
    running = false;
    return again;
  }

  /** Completes once a cycle that begins after this call has ended (with its outcome). */
  Future<Void> caughtUp() {
    Future<Void> after = catchUps.await();
    wake();
    if (stopped) catchUps.abandon();
    return after;
  }

  long position() {
    return position;
  }

  Set<Long> appliedAboveSeqs() {
    return appliedAboveSeqs;
  }

  /**
   * Whether a change's notification can reach us now; while not, the database is unreachable or we
   * are cut off.
   */
  boolean listening() {
    PgSubscriber s = subscriber;
    return !stopped && s != null && s.actualConnection() != null;
  }

  Future<Void> stop() {
    stopped = true;
    catchUps.abandon();
    if (timer >= 0) vertx.cancelTimer(timer);
    return subscriber == null ? Future.succeededFuture() : subscriber.close();
  }

  private Future<Void> cycle() {
    if (stopped) return Future.succeededFuture();
    return pool.query(ChangeLog.HORIZON_SQL)
        .execute()
        .compose(
            rows -> {
              long horizon = rows.iterator().next().getLong("horizon");
              return readFrom(-1)
                  .compose(
                      applied -> {
                        if (horizon == position && !applied) return Future.succeededFuture();
                        long newPosition = Math.max(position, horizon);
                        return applier
                            .commit(newPosition)
                            .map(
                                v -> {
                                  position = newPosition;
                                  appliedAbove.values().removeIf(txid -> txid < newPosition);
                                  appliedAboveSeqs = Set.copyOf(appliedAbove.keySet());
                                  return null;
                                });
                      });
            });
  }

  /** Applies change rows at or above the position, page by page; true if anything was applied. */
  private Future<Boolean> readFrom(long afterSeq) {
    return pool.preparedQuery(
            """
            SELECT seq, entity, entity_id, op, txid::text::bigint AS txid FROM change_log
            WHERE txid >= $1::text::xid8 AND seq > $2 ORDER BY seq LIMIT $3""")
        .execute(Tuple.of(Long.toString(Math.max(position, 0)), afterSeq, BATCH))
        .compose(
            rows -> {
              Set<Long> articles = new LinkedHashSet<>();
              Set<Long> stations = new LinkedHashSet<>();
              long last = afterSeq;
              Map<Long, Long> fresh = new HashMap<>();
              for (Row r : rows) {
                last = r.getLong("seq");
                if (appliedAbove.containsKey(last)) continue;
                fresh.put(last, r.getLong("txid"));
                ("article".equals(r.getString("entity")) ? articles : stations)
                    .add(r.getLong("entity_id"));
              }
              boolean full = rows.size() == BATCH;
              long next = last;
              Future<Boolean> applied =
                  fresh.isEmpty()
                      ? Future.succeededFuture(false)
                      : applier
                          .apply(articles, stations)
                          .map(
                              v -> {
                                appliedAbove.putAll(fresh);
                                appliedAboveSeqs = Set.copyOf(appliedAbove.keySet());
                                onApplied.accept(!articles.isEmpty(), stations);
                                return true;
                              });
              return applied.compose(
                  any ->
                      full ? readFrom(next).map(more -> any || more) : Future.succeededFuture(any));
            });
  }
}

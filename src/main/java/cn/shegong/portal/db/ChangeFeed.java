package cn.shegong.portal.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one follower of change_log in a process. The durable copy (the search index) is its {@link
 * Applier}: it is given every changed entity and the horizon up to which it has everything. The
 * copies kept in memory (rendered pages, located stations, home counts, HSDS answers) read {@link
 * #current()}: typed versions that move once a change has been applied, and null while changes
 * cannot be seen (nothing follows yet, the notification connection is down, or the database is
 * unreachable), when nothing derived should be reused. The stations kept in memory also learn from
 * it which stations changed ({@link #stations()}), instead of reading the log themselves.
 */
public final class ChangeFeed {
  /** What the durable copy does with the changes the feed reads. */
  public interface Applier {
    /** Brings the copy up to date for these entities: their current rows, or their removal. */
    Future<Void> apply(Set<Long> articleIds, Set<Long> stationIds);

    /** Every change below this horizon has been applied; kept with the copy to resume from. */
    Future<Void> commit(long position);
  }

  /** How far the durable copy is behind the log: changes not yet applied, and the oldest's age. */
  public record Lag(long changes, double seconds) {}

  private static final int LAG_ROWS = 10_000;

  private final Vertx vertx;
  private final Pool pool;
  private final PgConnectOptions connect;
  private final Reachability reachability;
  private final long pollMs;
  private final AtomicLong generation = new AtomicLong();
  private final AtomicLong articles = new AtomicLong();
  private final StationChangeHistory stationHistory = new StationChangeHistory();
  private final AtomicLong localWrites = new AtomicLong();
  private volatile ChangeFollowing following;

  public ChangeFeed(
      Vertx vertx, Pool pool, PgConnectOptions connect, Reachability reachability, long pollMs) {
    this.vertx = vertx;
    this.pool = pool;
    this.connect = connect;
    this.reachability = reachability;
    this.pollMs = pollMs;
  }

  /**
   * Follows the log from {@code position} for this applier, instead of any earlier one (a new index
   * generation); the versions move.
   */
  public Future<Void> follow(long position, Applier applier) {
    ChangeFollowing previous = following;
    Future<Void> stopped = previous == null ? Future.succeededFuture() : previous.stop();
    return stopped.map(
        v -> {
          ChangeFollowing next =
              new ChangeFollowing(
                  vertx, pool, connect, reachability, applier, position, pollMs, this::applied);
          stationHistory.restart(generation.incrementAndGet());
          following = next;
          next.start();
          return null;
        });
  }

  public Future<Void> stop() {
    ChangeFollowing f = following;
    following = null;
    return f == null ? Future.succeededFuture() : f.stop();
  }

  /** The versions now, or null while changes made elsewhere cannot be seen. */
  public ContentVersions current() {
    ChangeFollowing f = following;
    if (f == null || !f.listening() || !reachability.reachable()) return null;
    return new ContentVersions(
        generation.get(), articles.get(), stationHistory.count(), localWrites.get());
  }

  /** For the copies of the stations kept in memory: the version and what changed since one. */
  public StationChanges stations() {
    return new StationChanges() {
      @Override
      public ContentVersions.Stations version() {
        ContentVersions v = current();
        return v == null ? null : v.stationsOnly();
      }

      @Override
      public Optional<Set<Long>> changedSince(ContentVersions.Stations since) {
        return stationHistory.since(since.generation(), since.stations());
      }

      @Override
      public Future<Void> caughtUp() {
        ChangeFollowing f = following;
        return f == null ? Future.failedFuture("nothing follows") : f.caughtUp();
      }
    };
  }

  /** An editor's write on this process has committed: copies of it must not be reused. */
  public void noteLocalWrite() {
    localWrites.incrementAndGet();
  }

  /** Runs one catch-up now (after a write whose change should show without waiting for NOTIFY). */
  public void wake() {
    ChangeFollowing f = following;
    if (f != null) f.wake();
  }

  /** The durable copy's lag, read from the log; fails while the database cannot be asked. */
  public Future<Lag> lag() {
    ChangeFollowing f = following;
    if (f == null) return Future.failedFuture(new IllegalStateException("nothing follows"));
    Set<Long> applied = f.appliedAboveSeqs();
    return pool.preparedQuery(
            "SELECT seq, created_at FROM change_log WHERE txid >= $1::text::xid8 "
                + "ORDER BY seq LIMIT $2")
        .execute(Tuple.of(Long.toString(Math.max(f.position(), 0)), LAG_ROWS))
        .map(
            rows -> {
              long pending = 0;
              OffsetDateTime oldest = null;
              for (Row r : rows) {
                if (applied.contains(r.getLong("seq"))) continue;
                pending++;
                OffsetDateTime at = r.getOffsetDateTime("created_at");
                if (oldest == null || at.isBefore(oldest)) oldest = at;
              }
              double seconds =
                  oldest == null
                      ? 0
                      : Math.max(0, Duration.between(oldest, OffsetDateTime.now()).toMillis())
                          / 1000.0;
              return new Lag(pending, seconds);
            });
  }

  private void applied(boolean anyArticle, Set<Long> stationIds) {
    if (anyArticle) articles.incrementAndGet();
    if (!stationIds.isEmpty()) stationHistory.add(stationIds);
  }
}

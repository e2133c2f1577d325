package cn.shegong.portal.stations;

import cn.shegong.portal.db.ContentVersions;
import cn.shegong.portal.db.StationChanges;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every station of the current stations version in memory ({@link ListedStations}), for "near
 * me" and for answering while the database is away. The version moves when a station changes here
 * or in another process (an article change does not move it). Requests that arrive while it moves
 * wait for the new copy rather than see the old one; a timer also follows it, so that the copy is
 * current when an outage begins.
 *
 * <p>The whole table is read once; afterwards only the stations the change feed names since the
 * copy's version are read again (reading 30,000 rows on every edit cost 150–250 ms and GC pauses of
 * ~100 ms for every request), and the list's order only when one of them is new, renamed or moved.
 * A version taken before a read bounds it: every change the feed applied up to it had committed.
 * After a write on this process the feed is first asked to catch up, so that an editor's change is
 * in the copy that carries the write's version.
 */
final class StationSnapshot {
  private static final Logger log = LoggerFactory.getLogger(StationSnapshot.class);

  /** Past this many changed stations, reading the whole table again is simpler. */
  private static final int MAX_CHANGED = 5_000;

  private static final long FOLLOW_MS = 1_000;
  private static final long CATCH_UP_MS = 1_000;

  /** {@code shared} serves this copy and the ones its changes make, until a whole read. */
  private record Loaded(
      ContentVersions.Stations version, long order, ListedStations stations, SharedValues shared) {}

  private record Fresh(List<Station> stations, boolean keepsOrder) {}

  /** The copy last loaded, and the last moment it was known to be current. */
  record Kept(ListedStations stations, Instant at) {}

  private final Vertx vertx;
  private final Pool db;
  private final StationChanges changes;
  private Loaded current;
  private volatile long confirmedAt;
  private ContentVersions.Stations loadingVersion;
  private Future<Loaded> loading;
  private long loadsStarted;

  StationSnapshot(Vertx vertx, Pool db, StationChanges changes) {
    this.vertx = vertx;
    this.db = db;
    this.changes = changes;
  }

  /** The copy of the current version, or null while versions cannot be seen: ask PostgreSQL. */
  synchronized Future<ListedStations> get() {
    ContentVersions.Stations version = changes.version();
    if (version == null) return null;
    Loaded c = current;
    if (c != null && c.version().equals(version)) {
      confirmedAt = System.currentTimeMillis();
      return Future.succeededFuture(c.stations());
    }
    return load(version).map(Loaded::stations);
  }

  synchronized Optional<Kept> lastLoaded() {
    Loaded c = current;
    return c == null
        ? Optional.empty()
        : Optional.of(new Kept(c.stations(), Instant.ofEpochMilli(confirmedAt)));
  }

  /** Loads the copy ahead of the first resident who asks, and follows the version from then on. */
  void warmUp() {
    follow();
    vertx.setPeriodic(FOLLOW_MS, id -> follow());
  }

  private synchronized void follow() {
    ContentVersions.Stations version = changes.version();
    if (version == null || loading != null) return;
    if (current != null && current.version().equals(version)) {
      confirmedAt = System.currentTimeMillis();
      return;
    }
    load(version).onFailure(e -> log.warn("Stations not loaded into memory: {}", e.toString()));
  }

  private Future<Loaded> load(ContentVersions.Stations version) {
    if (loading != null && version.equals(loadingVersion)) return loading;
    long started = System.nanoTime();
    long order = ++loadsStarted;
    Loaded base = current;
    Future<Loaded> f =
        base == null || base.version().generation() != version.generation()
            ? readAll(version, order)
            : caughtUp(base, version).compose(label -> readChanges(base, label, order));
    f.onSuccess(
        l -> {
          if (base == null || l.stations() != base.stations())
            log.info(
                "Stations in memory: {} in {} ms",
                l.stations().size(),
                (System.nanoTime() - started) / 1_000_000);
        });
    loading = f;
    loadingVersion = version;
    f.onComplete(done -> finished(f, done.succeeded() ? done.result() : null));
    return f;
  }

  /**
   * The version the copy may carry once the feed has read this process's writes back: the stations
   * count as the feed has it then, the writes as they stood when it was asked.
   */
  private Future<ContentVersions.Stations> caughtUp(Loaded base, ContentVersions.Stations version) {
    Future<Void> read =
        version.localWrites() == base.version().localWrites()
            ? Future.succeededFuture()
            : changes
                .caughtUp()
                .timeout(CATCH_UP_MS, TimeUnit.MILLISECONDS)
                .recover(
                    e -> {
                      log.warn("The change feed did not catch up, copy may lag: {}", e.toString());
                      return Future.succeededFuture();
                    });
    return read.compose(
        v -> {
          ContentVersions.Stations now = changes.version();
          if (now == null) return Future.failedFuture("changes cannot be seen now");
          return Future.succeededFuture(
              new ContentVersions.Stations(
                  now.generation(), now.stations(), version.localWrites()));
        });
  }

  private Future<Loaded> readChanges(Loaded base, ContentVersions.Stations label, long order) {
    Optional<Set<Long>> changed = changes.changedSince(base.version());
    if (changed.isEmpty() || changed.get().size() > MAX_CHANGED) return readAll(label, order);
    Set<Long> ids = changed.get();
    if (ids.isEmpty())
      return Future.succeededFuture(new Loaded(label, order, base.stations(), base.shared()));
    return db.withTransaction(
            conn ->
                StationReads.oneMoment(conn)
                    .compose(v -> StationReads.these(conn, ids))
                    .compose(rows -> blocking(() -> fresh(base, rows)))
                    .compose(fresh -> merged(conn, base.stations(), ids, fresh)))
        .map(s -> new Loaded(label, order, s, base.shared()));
  }

  private static Fresh fresh(Loaded base, List<Row> rows) {
    List<Station> out = new ArrayList<>(rows.size());
    for (Row r : rows) out.add(base.shared().share(StationRows.map(r)));
    return new Fresh(out, base.stations().keepsOrder(out));
  }

  /** Building the copy (and its trees) takes tens of ms: never on the event loop. */
  private Future<ListedStations> merged(
      SqlConnection conn, ListedStations base, Set<Long> ids, Fresh fresh) {
    if (fresh.keepsOrder()) return blocking(() -> base.with(ids, fresh.stations(), null));
    return StationReads.order(conn)
        .compose(o -> blocking(() -> base.with(ids, fresh.stations(), o)));
  }

  /** Every station again, from a version taken before the read. */
  private Future<Loaded> readAll(ContentVersions.Stations label, long order) {
    return db.withTransaction(
        conn ->
            StationReads.oneMoment(conn)
                .compose(v -> StationReads.all(conn))
                .compose(
                    rows ->
                        StationReads.order(conn)
                            .compose(o -> blocking(() -> whole(label, order, rows, o)))));
  }

  private static Loaded whole(
      ContentVersions.Stations label, long order, List<Row> rows, long[] listOrder) {
    SharedValues shared = new SharedValues();
    Map<Long, Station> byId = new HashMap<>();
    for (Row r : rows) {
      Station s = shared.share(StationRows.map(r));
      byId.put(s.id(), s);
    }
    return new Loaded(label, order, ListedStations.inOrder(listOrder, byId), shared);
  }

  private <T> Future<T> blocking(java.util.concurrent.Callable<T> work) {
    return vertx.executeBlocking(work, false);
  }

  private synchronized void finished(Future<Loaded> f, Loaded loaded) {
    if (loading == f) {
      loading = null;
      loadingVersion = null;
    }
    // a load that began before a newer one must not replace it
    if (loaded != null && (current == null || loaded.order() > current.order())) {
      current = loaded;
      confirmedAt = System.currentTimeMillis();
    }
  }
}

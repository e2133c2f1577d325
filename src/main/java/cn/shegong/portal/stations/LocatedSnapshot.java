package cn.shegong.portal.stations;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.SqlClient;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link LocatedStations} of the current stations version: read from PostgreSQL once when the
 * version moves (every station change moves it, here or in another process; an article change does not),
 * shared by every request until the next move. Requests that arrive while a new version loads wait for it rather than see the old one. A
 * snapshot older than {@link #MAX_AGE_MS} is the safety net for what no version sees: it is reloaded in the
 * background while still answering.
 */
final class LocatedSnapshot {
  private static final Logger log = LoggerFactory.getLogger(LocatedSnapshot.class);
  static final long MAX_AGE_MS = 5 * 60_000;
  private static final String SQL = "SELECT " + StationRepository.COLUMNS + " FROM stations s WHERE s.latitude IS NOT NULL";

  private record Loaded(Object version, long loadedAt, long started, LocatedStations stations) {}

  private final Vertx vertx;
  private final SqlClient db;
  private final Supplier<Object> stationsVersion;
  private Loaded current;
  private Object loadingVersion;
  private Future<Loaded> loading;
  private long loadsStarted;

  LocatedSnapshot(Vertx vertx, SqlClient db, Supplier<Object> stationsVersion) {
    this.vertx = vertx;
    this.db = db;
    this.stationsVersion = stationsVersion;
  }

  /** The snapshot of the current version, or null while versions cannot be seen: then ask PostgreSQL. */
  synchronized Future<LocatedStations> get() {
    Object version = stationsVersion.get();
    if (version == null) return null;
    Loaded c = current;
    if (c != null && c.version().equals(version)) {
      if (System.currentTimeMillis() - c.loadedAt() > MAX_AGE_MS) load(version);
      return Future.succeededFuture(c.stations());
    }
    return load(version).map(Loaded::stations);
  }

  private Future<Loaded> load(Object version) {
    if (loading != null && version.equals(loadingVersion)) return loading;
    long started = System.nanoTime();
    long order = ++loadsStarted;
    // mapping tens of thousands of rows and building the trees takes tens of ms: not on the event loop
    Future<Loaded> f = db.preparedQuery(SQL).execute()
        .compose(rows -> vertx.executeBlocking(() -> LocatedStations.of(StationRepository.mapAll(rows)), false))
        .map(s -> {
          log.debug("Located stations loaded: {} in {} ms", s.size(), (System.nanoTime() - started) / 1_000_000);
          return new Loaded(version, System.currentTimeMillis(), order, s);
        });
    loading = f;
    loadingVersion = version;
    f.onComplete(done -> finished(f, done.succeeded() ? done.result() : null));
    return f;
  }

  private synchronized void finished(Future<Loaded> f, Loaded loaded) {
    if (loading == f) {
      loading = null;
      loadingVersion = null;
    }
    // a load that began before a newer one must not replace it
    if (loaded != null && (current == null || loaded.started() > current.started())) current = loaded;
  }
}

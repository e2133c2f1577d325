package cn.shegong.portal.stations;

import cn.shegong.portal.db.ChangeLog;
import cn.shegong.portal.db.ContentVersions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Cursor;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link LocatedStations} of the current stations version, which moves when a station
 * changes here or in another process (an article change does not move it). Requests that arrive
 * while the version moves wait for the new copy rather than see the old one.
 *
 * <p>The whole table is read once; afterwards only the stations that change_log names since the
 * last read are read again, from the same kind of horizon as the search index ({@link ChangeLog}),
 * so a change that committed late, with an older seq, is still found the next time. Reading 30,000
 * rows again on every edit cost 150–250 ms and, worse, garbage-collection pauses of ~100 ms for
 * every request, as the new copy was promoted.
 */
final class LocatedSnapshot {
  private static final Logger log = LoggerFactory.getLogger(LocatedSnapshot.class);

  /**
   * The safety net for what no version sees: a copy this old reads its changes in the background.
   */
  static final long MAX_AGE_MS = 60_000;

  private static final int CHUNK_ROWS = 500;

  /** Past this many changed stations, reading the whole table again is simpler. */
  private static final int MAX_CHANGED = 5_000;

  private static final String COLUMNS_SQL = "SELECT " + StationRows.COLUMNS + " FROM stations s ";
  private static final String CHANGED_SQL =
      "SELECT DISTINCT entity_id FROM change_log "
          + "WHERE entity = 'station' AND txid >= $1::text::xid8 LIMIT $2";

  /**
   * {@code shared} serves this copy and the ones its changes make (it keeps the values of edited
   * stations too, a few per edit, until the next whole read starts afresh).
   */
  private record Loaded(
      ContentVersions.Stations version,
      long horizon,
      long loadedAt,
      long order,
      LocatedStations stations,
      SharedValues shared) {}

  private record Read(long horizon, List<Long> changed, List<Row> rows) {}

  private final Vertx vertx;
  private final Pool db;
  private final Supplier<ContentVersions.Stations> stationsVersion;
  private Loaded current;
  private ContentVersions.Stations loadingVersion;
  private Future<Loaded> loading;
  private long loadsStarted;

  LocatedSnapshot(Vertx vertx, Pool db, Supplier<ContentVersions.Stations> stationsVersion) {
    this.vertx = vertx;
    this.db = db;
    this.stationsVersion = stationsVersion;
  }

  /**
   * The snapshot of the current version, or null while versions cannot be seen: then ask
   * PostgreSQL.
   */
  synchronized Future<LocatedStations> get() {
    ContentVersions.Stations version = stationsVersion.get();
    if (version == null) return null;
    Loaded c = current;
    if (c != null && c.version().equals(version)) {
      if (System.currentTimeMillis() - c.loadedAt() > MAX_AGE_MS && loading == null) {
        load(version)
            .onFailure(
                e ->
                    log.warn(
                        "Located stations not refreshed, still answering from memory: {}",
                        e.toString()));
      }
      return Future.succeededFuture(c.stations());
    }
    return load(version).map(Loaded::stations);
  }

  /** The last copy loaded, whatever its version, and when: for reading through an outage. */
  synchronized java.util.Optional<Kept> lastLoaded() {
    Loaded c = current;
    return c == null
        ? java.util.Optional.empty()
        : java.util.Optional.of(
            new Kept(c.stations(), java.time.Instant.ofEpochMilli(c.loadedAt())));
  }

  record Kept(LocatedStations stations, java.time.Instant at) {}

  /**
   * Loads the current version ahead of the first resident who asks, if versions can be seen yet.
   */
  synchronized void warmUp() {
    ContentVersions.Stations version = stationsVersion.get();
    if (version != null && current == null) {
      load(version).onFailure(e -> log.warn("Located stations not loaded ahead: {}", e.toString()));
    }
  }

  private Future<Loaded> load(ContentVersions.Stations version) {
    if (loading != null && version.equals(loadingVersion)) return loading;
    long started = System.nanoTime();
    long order = ++loadsStarted;
    Loaded base = current;
    Future<Loaded> f =
        db.withTransaction(conn -> read(conn, base))
            // mapping the rows and building the trees takes tens of ms: not on the event loop
            .compose(
                read ->
                    vertx.executeBlocking(
                        () -> {
                          boolean whole = read.changed() == null;
                          SharedValues shared = whole ? new SharedValues() : base.shared();
                          List<Station> rows = new ArrayList<>(read.rows().size());
                          for (Row r : read.rows()) rows.add(shared.share(StationRows.map(r)));
                          LocatedStations s =
                              whole
                                  ? LocatedStations.of(rows)
                                  : base.stations().with(read.changed(), rows);
                          if (whole || !read.changed().isEmpty()) {
                            log.info(
                                "Located stations in memory: {} ({}) in {} ms",
                                s.size(),
                                whole ? "all read" : read.changed().size() + " changed read",
                                (System.nanoTime() - started) / 1_000_000);
                          }
                          return new Loaded(
                              version,
                              read.horizon(),
                              System.currentTimeMillis(),
                              order,
                              s,
                              shared);
                        },
                        false));
    loading = f;
    loadingVersion = version;
    f.onComplete(done -> finished(f, done.succeeded() ? done.result() : null));
    return f;
  }

  /**
   * Everything when there is no base (or too much changed), else the stations changed since its
   * horizon.
   */
  private Future<Read> read(SqlConnection conn, Loaded base) {
    return conn.query(ChangeLog.HORIZON_SQL)
        .execute()
        .map(rows -> rows.iterator().next().getLong("horizon"))
        .compose(
            horizon -> {
              if (base == null) return readAll(conn).map(rows -> new Read(horizon, null, rows));
              return conn.preparedQuery(CHANGED_SQL)
                  .execute(Tuple.of(Long.toString(base.horizon()), MAX_CHANGED + 1))
                  .compose(
                      rows -> {
                        List<Long> ids = new ArrayList<>();
                        rows.forEach(r -> ids.add(r.getLong(0)));
                        if (ids.size() > MAX_CHANGED)
                          return readAll(conn).map(all -> new Read(horizon, null, all));
                        if (ids.isEmpty())
                          return Future.succeededFuture(new Read(horizon, ids, List.of()));
                        return conn.preparedQuery(
                                COLUMNS_SQL + "WHERE s.id = ANY($1) AND s.latitude IS NOT NULL")
                            .execute(Tuple.of(ids.toArray(Long[]::new)))
                            .map(changed -> new Read(horizon, ids, rowList(changed)));
                      });
            });
  }

  /**
   * Every located station's row, read in chunks through a cursor: rows are decoded on the event
   * loop that also answers HTTP, and one result of 30,000 rows would hold it for tens of ms.
   */
  private static Future<List<Row>> readAll(SqlConnection conn) {
    return conn.prepare(COLUMNS_SQL + "WHERE s.latitude IS NOT NULL")
        .compose(
            statement -> {
              Cursor cursor = statement.cursor();
              return readChunks(cursor, new ArrayList<>()).eventually(cursor::close);
            });
  }

  private static Future<List<Row>> readChunks(Cursor cursor, List<Row> rows) {
    return cursor
        .read(CHUNK_ROWS)
        .compose(
            chunk -> {
              chunk.forEach(rows::add);
              return cursor.hasMore() ? readChunks(cursor, rows) : Future.succeededFuture(rows);
            });
  }

  private static List<Row> rowList(Iterable<Row> rows) {
    List<Row> out = new ArrayList<>();
    rows.forEach(out::add);
    return out;
  }

  private synchronized void finished(Future<Loaded> f, Loaded loaded) {
    if (loading == f) {
      loading = null;
      loadingVersion = null;
    }
    // a load that began before a newer one must not replace it
    if (loaded != null && (current == null || loaded.order() > current.order())) current = loaded;
  }
}

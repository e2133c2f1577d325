package cn.shegong.portal.stations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import cn.shegong.portal.db.ContentVersions;
import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName(
    "The located stations kept in memory: loaded once per stations version, which only stations move")
class LocatedSnapshotTest {
  static TestPortal portal;
  static Pool pool;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal =
        TestPortal.create(vertx, Map.of("PORTAL_DB_CONNECT_TIMEOUT_MS", "15000"))
            .start()
            .await(2, TimeUnit.MINUTES);
    pool = PgBuilder.pool().connectingTo(portal.database().url()).using(vertx).build();
  }

  @AfterAll
  static void stop() throws Exception {
    pool.close().await(30, TimeUnit.SECONDS);
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static long located() {
    return Long.parseLong(
        portal.database().queryOne("SELECT count(*) FROM stations WHERE latitude IS NOT NULL"));
  }

  private static ContentVersions.Stations v(long n) {
    return new ContentVersions.Stations(1, n, 0);
  }

  @Test
  @DisplayName(
      "the same version answers the same copy; a new version reads the table again; "
          + "requests during a load share it; no version means no copy at all")
  void perVersion(Vertx vertx) throws Exception {
    AtomicReference<ContentVersions.Stations> version = new AtomicReference<>(v(1));
    LocatedSnapshot snapshot = new LocatedSnapshot(vertx, pool, version::get);
    Future<LocatedStations> first = snapshot.get();
    Future<LocatedStations> during = snapshot.get();
    LocatedStations v1 = first.await(30, TimeUnit.SECONDS);
    assertSame(v1, during.await(30, TimeUnit.SECONDS), "one load for both");
    assertEquals(located(), v1.size());
    assertSame(v1, snapshot.get().await(30, TimeUnit.SECONDS));

    portal
        .database()
        .exec(
            "INSERT INTO stations (slug, name, kind, latitude, longitude) "
                + "VALUES ('snapshot-check', '快照检查站', 'psych', 30.0, 120.0)");
    try {
      assertSame(
          v1, snapshot.get().await(30, TimeUnit.SECONDS), "unchanged until the version moves");
      version.set(v(2));
      LocatedStations v2 = snapshot.get().await(30, TimeUnit.SECONDS);
      assertEquals(v1.size() + 1, v2.size());
      version.set(null);
      assertNull(snapshot.get(), "PostgreSQL answers while changes cannot be seen");
    } finally {
      portal.database().exec("DELETE FROM stations WHERE slug = 'snapshot-check'");
    }
  }

  static List<String> names(LocatedStations s, double lat, double lon) {
    return s
        .find(
            new StationFilter(null, "", "", "", "", "", "", new NearbyQuery(lat, lon, 1.0)), 0, 10)
        .hits()
        .stream()
        .map(h -> h.station().name())
        .toList();
  }

  @Test
  @DisplayName(
      "after the first read only changes are read: an added, renamed, moved and deleted station, and one "
          + "whose transaction began before a read and committed after it")
  void readsChanges(Vertx vertx) throws Exception {
    AtomicReference<ContentVersions.Stations> version = new AtomicReference<>(v(0));
    LocatedSnapshot snapshot = new LocatedSnapshot(vertx, pool, version::get);
    LocatedStations first = snapshot.get().await(30, TimeUnit.SECONDS);
    java.util.function.Function<Integer, LocatedStations> at =
        v -> {
          version.set(v(v));
          try {
            return snapshot.get().await(30, TimeUnit.SECONDS);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        };
    portal
        .database()
        .exec(
            "INSERT INTO stations (slug, name, kind, latitude, longitude) "
                + "VALUES ('delta-check', '增量检查站', 'psych', 40.0, 80.0)");
    try {
      assertEquals(List.of("增量检查站"), names(at.apply(1), 40.0, 80.0));
      portal
          .database()
          .exec(
              "UPDATE stations SET name = '增量检查站（新址）', latitude = 41.0 WHERE slug = 'delta-check'");
      LocatedStations moved = at.apply(2);
      assertEquals(List.of(), names(moved, 40.0, 80.0));
      assertEquals(List.of("增量检查站（新址）"), names(moved, 41.0, 80.0));
      assertEquals(first.size() + 1, moved.size());

      SqlConnection late = pool.getConnection().await(30, TimeUnit.SECONDS);
      try {
        Transaction tx = late.begin().await(30, TimeUnit.SECONDS);
        late.query(
                "INSERT INTO stations (slug, name, kind, latitude, longitude) "
                    + "VALUES ('late-check', '迟提交检查站', 'medical', 42.0, 80.0)")
            .execute()
            .await(30, TimeUnit.SECONDS);
        // a later transaction that commits first moves every "latest completed" mark past the open
        // one
        portal
            .database()
            .exec(
                "INSERT INTO stations (slug, name, kind, latitude, longitude) "
                    + "VALUES ('early-check', '先提交检查站', 'medical', 43.0, 80.0)");
        LocatedStations meanwhile = at.apply(3);
        assertEquals(List.of(), names(meanwhile, 42.0, 80.0), "not committed yet");
        assertEquals(List.of("先提交检查站"), names(meanwhile, 43.0, 80.0));
        tx.commit().await(30, TimeUnit.SECONDS);
      } finally {
        late.close().await(30, TimeUnit.SECONDS);
      }
      assertEquals(
          List.of("迟提交检查站"),
          names(at.apply(4), 42.0, 80.0),
          "found although read began before its commit");
      portal.database().exec("DELETE FROM stations WHERE slug = 'delta-check'");
      LocatedStations after = at.apply(5);
      assertEquals(List.of(), names(after, 41.0, 80.0));
      assertEquals(first.size() + 2, after.size());
    } finally {
      portal
          .database()
          .exec("DELETE FROM stations WHERE slug IN ('delta-check', 'late-check', 'early-check')");
    }
  }

  @Test
  @DisplayName(
      "the portal's stations version stays put when only an article changes, and moves within 2 s "
          + "when a station does")
  void onlyStationsMoveIt() throws Exception {
    Object before = portal.verticle().stationsVersion();
    Object pagesBefore = portal.verticle().pageCache().contentVersion();
    portal
        .database()
        .exec(
            "INSERT INTO articles (slug, title, body, status, published_at, origin) VALUES "
                + "('snapshot-article', '快照检查稿件', '正文', 'published', now(), 'editor')");
    awaitChange(() -> portal.verticle().pageCache().contentVersion(), pagesBefore);
    assertEquals(
        before,
        portal.verticle().stationsVersion(),
        "an article does not move the stations version");
    portal
        .database()
        .exec(
            "UPDATE stations SET phone = '021-0000 0000' WHERE id = (SELECT min(id) FROM stations)");
    awaitChange(() -> portal.verticle().stationsVersion(), before);
  }

  static void awaitChange(java.util.function.Supplier<Object> now, Object before)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + 2000;
    while (before.equals(now.get()) && System.currentTimeMillis() < deadline) Thread.sleep(20);
    assertNotEquals(before, now.get());
  }
}

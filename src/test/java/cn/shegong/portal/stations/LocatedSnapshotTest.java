package cn.shegong.portal.stations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The located stations kept in memory: loaded once per stations version, which only stations move")
class LocatedSnapshotTest {
  static TestPortal portal;
  static Pool pool;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal = TestPortal.create(vertx, Map.of("PORTAL_DB_CONNECT_TIMEOUT_MS", "15000")).start().await(2, TimeUnit.MINUTES);
    pool = PgBuilder.pool().connectingTo(portal.database().url()).using(vertx).build();
  }

  @AfterAll
  static void stop() throws Exception {
    pool.close().await(30, TimeUnit.SECONDS);
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static long located() {
    return Long.parseLong(portal.database().queryOne("SELECT count(*) FROM stations WHERE latitude IS NOT NULL"));
  }

  @Test
  @DisplayName("the same version answers the same copy; a new version reads the table again; "
      + "requests during a load share it; no version means no copy at all")
  void perVersion(Vertx vertx) throws Exception {
    AtomicReference<Object> version = new AtomicReference<>("v1");
    LocatedSnapshot snapshot = new LocatedSnapshot(vertx, pool, version::get);
    Future<LocatedStations> first = snapshot.get();
    Future<LocatedStations> during = snapshot.get();
    LocatedStations v1 = first.await(30, TimeUnit.SECONDS);
    assertSame(v1, during.await(30, TimeUnit.SECONDS), "one load for both");
    assertEquals(located(), v1.size());
    assertSame(v1, snapshot.get().await(30, TimeUnit.SECONDS));

    portal.database().exec("INSERT INTO stations (slug, name, kind, latitude, longitude) "
        + "VALUES ('snapshot-check', '快照检查站', 'psych', 30.0, 120.0)");
    try {
      assertSame(v1, snapshot.get().await(30, TimeUnit.SECONDS), "unchanged until the version moves");
      version.set("v2");
      LocatedStations v2 = snapshot.get().await(30, TimeUnit.SECONDS);
      assertEquals(v1.size() + 1, v2.size());
      version.set(null);
      assertNull(snapshot.get(), "PostgreSQL answers while changes cannot be seen");
    } finally {
      portal.database().exec("DELETE FROM stations WHERE slug = 'snapshot-check'");
    }
  }

  @Test
  @DisplayName("the portal's stations version stays put when only an article changes, and moves within 2 s "
      + "when a station does")
  void onlyStationsMoveIt() throws Exception {
    Object before = portal.verticle().stationsVersion();
    Object pagesBefore = portal.verticle().pageCache().contentVersion();
    portal.database().exec("INSERT INTO articles (slug, title, body, status, published_at, origin) VALUES "
        + "('snapshot-article', '快照检查稿件', '正文', 'published', now(), 'editor')");
    awaitChange(() -> portal.verticle().pageCache().contentVersion(), pagesBefore);
    assertEquals(before, portal.verticle().stationsVersion(), "an article does not move the stations version");
    portal.database().exec("UPDATE stations SET phone = '021-0000 0000' WHERE id = (SELECT min(id) FROM stations)");
    awaitChange(() -> portal.verticle().stationsVersion(), before);
  }

  static void awaitChange(java.util.function.Supplier<Object> now, Object before) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 2000;
    while (before.equals(now.get()) && System.currentTimeMillis() < deadline) Thread.sleep(20);
    assertNotEquals(before, now.get());
  }
}

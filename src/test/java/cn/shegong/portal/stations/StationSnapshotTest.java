package cn.shegong.portal.stations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.db.ContentVersions;
import cn.shegong.portal.db.StationChanges;
import cn.shegong.portal.testing.TestDatabase;
import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName(
    "The stations kept in memory: all of them, in the database's own list order, following the change feed")
class StationSnapshotTest {
  static TestPortal portal;
  static Pool pool;
  static StationChanges feed;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    // sorts Chinese by pinyin, as a zh_CN server does: Java's code-point order would differ
    portal =
        TestPortal.forDatabase(
                vertx,
                TestDatabase.sortingAs("zh"),
                Files.createTempDirectory("portal-index-"),
                Map.of())
            .start()
            .await(2, TimeUnit.MINUTES);
    pool = PgBuilder.pool().connectingTo(portal.database().url()).using(vertx).build();
    feed = portal.verticle().database().changes().stations();
    for (int i = 0; i < 240 && feed.version() == null; i++) Thread.sleep(500);
    assertNotNull(feed.version(), "the portal follows the change log");
  }

  @AfterAll
  static void stop() throws Exception {
    pool.close().await(30, TimeUnit.SECONDS);
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  /** The real feed, which a test can make blind ("changes cannot be seen"). */
  static final class Seen implements StationChanges {
    volatile boolean blind;

    public ContentVersions.Stations version() {
      return blind ? null : feed.version();
    }

    public Optional<Set<Long>> changedSince(ContentVersions.Stations since) {
      return feed.changedSince(since);
    }

    public Future<Void> caughtUp() {
      return feed.caughtUp();
    }
  }

  static void exec(String sql) {
    portal.database().exec(sql);
  }

  /** Runs a change and waits until the feed has applied it. */
  static void changed(String sql) throws InterruptedException {
    ContentVersions.Stations before = feed.version();
    exec(sql);
    long deadline = System.currentTimeMillis() + 20_000;
    while (before.equals(feed.version()) && System.currentTimeMillis() < deadline) Thread.sleep(20);
    assertNotEquals(before, feed.version(), "the feed applied: " + sql);
  }

  static List<String> databaseOrder() {
    String slugs =
        portal
            .database()
            .queryOne(
                "SELECT string_agg(slug, ',' ORDER BY province, city, district, name, id) FROM stations");
    return List.of(slugs.split(","));
  }

  static List<String> slugs(ListedStations s) {
    return s.find(StationFilter.ALL, 0, 1_000_000).hits().stream()
        .map(h -> h.station().slug())
        .toList();
  }

  static List<String> names(ListedStations s, double lat, double lon) {
    return s.find(StationFilter.ALL.withNear(new NearbyQuery(lat, lon, 1.0)), 0, 10).hits().stream()
        .map(h -> h.station().name())
        .toList();
  }

  static ListedStations copy(StationSnapshot snapshot) throws Exception {
    return snapshot.get().await(30, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName(
      "the same version answers the same copy; a change is read once the feed names it; requests during a "
          + "load share it; no version means no copy at all")
  void perVersion(Vertx vertx) throws Exception {
    Seen seen = new Seen();
    StationSnapshot snapshot = new StationSnapshot(vertx, pool, seen);
    Future<ListedStations> first = snapshot.get();
    Future<ListedStations> during = snapshot.get();
    ListedStations v1 = first.await(30, TimeUnit.SECONDS);
    assertSame(v1, during.await(30, TimeUnit.SECONDS), "one load for both");
    assertEquals(databaseOrder(), slugs(v1));
    assertSame(v1, copy(snapshot));
    try {
      changed(
          "INSERT INTO stations (slug, name, kind, province) VALUES ('snapshot-check', '快照检查站', 'psych', '安徽省')");
      ListedStations v2 = copy(snapshot);
      assertEquals(v1.size() + 1, v2.size(), "an unlocated station is listed too");
      assertEquals(v1.located().size(), v2.located().size(), "but not located");
      assertEquals(databaseOrder(), slugs(v2), "in the database's order");
      seen.blind = true;
      assertNull(snapshot.get(), "PostgreSQL answers while changes cannot be seen");
    } finally {
      exec("DELETE FROM stations WHERE slug = 'snapshot-check'");
    }
  }

  @Test
  @DisplayName(
      "only changes are read: an added, renamed, moved, re-phoned and deleted station, and one whose "
          + "transaction began before a read and committed after it; the order stays the database's")
  void readsChanges(Vertx vertx) throws Exception {
    StationSnapshot snapshot = new StationSnapshot(vertx, pool, feed);
    ListedStations first = copy(snapshot);
    java.util.Comparator<Station> javaOrder =
        java.util.Comparator.<Station, String>comparing(x -> x.content().region().province())
            .thenComparing(x -> x.content().region().city())
            .thenComparing(x -> x.content().region().district())
            .thenComparing(Station::name)
            .thenComparingLong(Station::id);
    assertNotEquals(
        first.find(StationFilter.ALL, 0, 1000).hits().stream()
            .map(StationSearch.Hit::station)
            .sorted(javaOrder)
            .map(Station::slug)
            .toList(),
        databaseOrder(),
        "a copy that sorted itself would not hold the database's order");
    try {
      changed(
          "INSERT INTO stations (slug, name, kind, province, latitude, longitude) "
              + "VALUES ('delta-check', '增量检查站', 'psych', '安徽省', 40.0, 80.0)");
      ListedStations added = copy(snapshot);
      assertEquals(List.of("增量检查站"), names(added, 40.0, 80.0));
      assertEquals(databaseOrder(), slugs(added));
      changed(
          "UPDATE stations SET name = '阿增量检查站（新址）', province = '北京市', latitude = 41.0 "
              + "WHERE slug = 'delta-check'");
      ListedStations moved = copy(snapshot);
      assertEquals(List.of(), names(moved, 40.0, 80.0));
      assertEquals(List.of("阿增量检查站（新址）"), names(moved, 41.0, 80.0));
      assertEquals(databaseOrder(), slugs(moved), "renamed and moved: in its new place");
      changed("UPDATE stations SET phone = '0551-1234567' WHERE slug = 'delta-check'");
      assertEquals(
          "0551-1234567", copy(snapshot).bySlug("delta-check").orElseThrow().content().phone());
      assertEquals(databaseOrder(), slugs(copy(snapshot)));

      SqlConnection late = pool.getConnection().await(30, TimeUnit.SECONDS);
      try {
        Transaction tx = late.begin().await(30, TimeUnit.SECONDS);
        late.query(
                "INSERT INTO stations (slug, name, kind, latitude, longitude) "
                    + "VALUES ('late-check', '迟提交检查站', 'medical', 42.0, 80.0)")
            .execute()
            .await(30, TimeUnit.SECONDS);
        // a later transaction that commits first
        changed(
            "INSERT INTO stations (slug, name, kind, latitude, longitude) "
                + "VALUES ('early-check', '先提交检查站', 'medical', 43.0, 80.0)");
        ListedStations meanwhile = copy(snapshot);
        assertEquals(List.of(), names(meanwhile, 42.0, 80.0), "not committed yet");
        assertEquals(List.of("先提交检查站"), names(meanwhile, 43.0, 80.0));
        ContentVersions.Stations before = feed.version();
        tx.commit().await(30, TimeUnit.SECONDS);
        for (int i = 0; i < 250 && before.equals(feed.version()); i++) Thread.sleep(20);
      } finally {
        late.close().await(30, TimeUnit.SECONDS);
      }
      ListedStations committed = copy(snapshot);
      assertEquals(List.of("迟提交检查站"), names(committed, 42.0, 80.0), "found although late");
      assertEquals(databaseOrder(), slugs(committed));
      changed("DELETE FROM stations WHERE slug = 'delta-check'");
      ListedStations after = copy(snapshot);
      assertEquals(List.of(), names(after, 41.0, 80.0));
      assertTrue(after.bySlug("delta-check").isEmpty());
      assertEquals(first.size() + 2, after.size());
      assertEquals(databaseOrder(), slugs(after));
    } finally {
      exec("DELETE FROM stations WHERE slug IN ('delta-check', 'late-check', 'early-check')");
    }
  }

  @Test
  @DisplayName(
      "after a write on this process the copy that carries the write's version holds it, without waiting "
          + "for the feed's notification")
  void ownWrites(Vertx vertx) throws Exception {
    StationSnapshot snapshot = new StationSnapshot(vertx, pool, feed);
    String slug = databaseOrder().get(0);
    String next = "021-5" + (System.currentTimeMillis() % 10_000_000);
    assertNotEquals(next, copy(snapshot).bySlug(slug).orElseThrow().content().phone());
    exec("UPDATE stations SET phone = '" + next + "' WHERE slug = '" + slug + "'");
    portal.verticle().database().changes().noteLocalWrite();
    assertEquals(next, copy(snapshot).bySlug(slug).orElseThrow().content().phone());
  }

  @Test
  @DisplayName(
      "the portal's stations version stays put when only an article changes, and moves within 2 s "
          + "when a station does")
  void onlyStationsMoveIt() throws Exception {
    Object before = portal.verticle().stationsVersion();
    Object pagesBefore = portal.verticle().pageCache().contentVersion();
    exec(
        "INSERT INTO articles (slug, title, body, status, published_at, origin) VALUES "
            + "('snapshot-article', '快照检查稿件', '正文', 'published', now(), 'editor')");
    // the first change a fresh index applies can take seconds on a loaded machine
    awaitChange(() -> portal.verticle().pageCache().contentVersion(), pagesBefore, 20_000);
    assertEquals(
        before,
        portal.verticle().stationsVersion(),
        "an article does not move the stations version");
    exec("UPDATE stations SET phone = '021-0000 0000' WHERE id = (SELECT min(id) FROM stations)");
    awaitChange(() -> portal.verticle().stationsVersion(), before, 2000);
  }

  static void awaitChange(java.util.function.Supplier<Object> now, Object before, long ms)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + ms;
    while (before.equals(now.get()) && System.currentTimeMillis() < deadline) Thread.sleep(20);
    assertNotEquals(before, now.get());
  }
}

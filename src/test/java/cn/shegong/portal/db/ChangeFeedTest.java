package cn.shegong.portal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.config.AppConfig;
import cn.shegong.portal.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("One change feed: typed versions for kept copies, the durable copy's lag")
class ChangeFeedTest {
  static TestDatabase testDb;
  static Database db;

  @BeforeAll
  static void open(Vertx vertx) throws Exception {
    testDb = TestDatabase.create();
    db =
        Database.open(vertx, AppConfig.from(Map.of("PORTAL_DB_URL", testDb.url())))
            .await(2, TimeUnit.MINUTES);
  }

  @AfterAll
  static void close(Vertx vertx) throws Exception {
    db.close(vertx).await(1, TimeUnit.MINUTES);
    testDb.close();
  }

  private static long horizon() throws Exception {
    return db.pool()
        .query(ChangeLog.HORIZON_SQL)
        .execute()
        .await(10, TimeUnit.SECONDS)
        .iterator()
        .next()
        .getLong(0);
  }

  private static void insertArticle(String slug) {
    testDb.exec(
        "INSERT INTO articles (slug, title, body, status, published_at, origin) VALUES ('"
            + slug
            + "', '标题', '正文。', 'published', now(), 'editor')");
  }

  private static boolean within(long ms, java.util.function.BooleanSupplier ok) throws Exception {
    long end = System.currentTimeMillis() + ms;
    while (System.currentTimeMillis() < end) {
      if (ok.getAsBoolean()) return true;
      Thread.sleep(50);
    }
    return ok.getAsBoolean();
  }

  @Test
  @DisplayName(
      "no versions before anything follows; an applied article moves articles but not stations; a station moves both views")
  void versions() throws Exception {
    ChangeFeed feed = db.changes();
    assertNull(feed.current(), "nothing follows yet: nothing kept may be reused");
    Set<Long> seen = ConcurrentHashMap.newKeySet();
    ChangeFeed.Applier applier =
        new ChangeFeed.Applier() {
          public Future<Void> apply(Set<Long> articles, Set<Long> stations) {
            seen.addAll(articles);
            return Future.succeededFuture();
          }

          public Future<Void> commit(long position) {
            return Future.succeededFuture();
          }
        };
    feed.follow(horizon(), applier).await(10, TimeUnit.SECONDS);
    assertTrue(within(10_000, () -> feed.current() != null), "following");
    ContentVersions before = feed.current();
    insertArticle("feed-versions");
    assertTrue(within(5_000, () -> feed.current().articles() > before.articles()));
    ContentVersions after = feed.current();
    assertEquals(before.stationsOnly(), after.stationsOnly(), "station copies stay valid");
    assertEquals(1, seen.size());
    feed.noteLocalWrite();
    assertTrue(
        !after.stationsOnly().equals(feed.current().stationsOnly()), "a local write moves all");
    assertNotNull(feed.lag().await(10, TimeUnit.SECONDS));
    assertEquals(0, feed.lag().await(10, TimeUnit.SECONDS).changes(), "caught up");
    feed.stop().await(10, TimeUnit.SECONDS);
    assertNull(feed.current(), "stopped: nothing kept may be reused");
  }

  @Test
  @DisplayName(
      "a durable copy that has not applied the changes yet shows them as lag, with their age")
  void lag() throws Exception {
    ChangeFeed feed = db.changes();
    Promise<Void> never = Promise.promise();
    ChangeFeed.Applier stuck =
        new ChangeFeed.Applier() {
          public Future<Void> apply(Set<Long> articles, Set<Long> stations) {
            return never.future();
          }

          public Future<Void> commit(long position) {
            return Future.succeededFuture();
          }
        };
    feed.follow(horizon(), stuck).await(10, TimeUnit.SECONDS);
    insertArticle("feed-lag-1");
    insertArticle("feed-lag-2");
    Thread.sleep(1200);
    ChangeFeed.Lag lag = feed.lag().await(10, TimeUnit.SECONDS);
    assertEquals(2, lag.changes(), "two changes waiting");
    assertTrue(lag.seconds() >= 1.0, "the oldest has waited: " + lag.seconds());
    never.complete();
    feed.stop().await(10, TimeUnit.SECONDS);
  }

  private static long insertStation(String slug) {
    testDb.exec("INSERT INTO stations (slug, name, kind) VALUES ('" + slug + "', '站点', 'psych')");
    return Long.parseLong(testDb.queryOne("SELECT id FROM stations WHERE slug = '" + slug + "'"));
  }

  private static ChangeFeed.Applier applying() {
    return new ChangeFeed.Applier() {
      public Future<Void> apply(Set<Long> articles, Set<Long> stations) {
        return Future.succeededFuture();
      }

      public Future<Void> commit(long position) {
        return Future.succeededFuture();
      }
    };
  }

  @Test
  @DisplayName(
      "the feed names the stations changed since a version: only later ones, no articles; once caught up "
          + "a write just committed is among them; nothing for another generation or past its bound")
  void changedStations() throws Exception {
    ChangeFeed feed = db.changes();
    StationChanges stations = feed.stations();
    feed.follow(horizon(), applying()).await(10, TimeUnit.SECONDS);
    assertTrue(within(10_000, () -> stations.version() != null), "following");
    ContentVersions.Stations v0 = stations.version();
    assertEquals(Optional.of(Set.of()), stations.changedSince(v0));

    long a = insertStation("feed-station-a");
    // no waiting for NOTIFY: caught up means the write has been read back
    stations.caughtUp().await(10, TimeUnit.SECONDS);
    assertEquals(Optional.of(Set.of(a)), stations.changedSince(v0));
    ContentVersions.Stations v1 = stations.version();
    assertTrue(v1.stations() > v0.stations(), "a station moves the stations version");

    insertArticle("feed-stations-article");
    stations.caughtUp().await(10, TimeUnit.SECONDS);
    assertEquals(Optional.of(Set.of()), stations.changedSince(v1), "an article is no station");
    long b = insertStation("feed-station-b");
    testDb.exec("UPDATE stations SET phone = '021-1' WHERE id = " + a);
    stations.caughtUp().await(10, TimeUnit.SECONDS);
    assertEquals(Optional.of(Set.of(a, b)), stations.changedSince(v1));
    assertEquals(Optional.of(Set.of(a, b)), stations.changedSince(v0));

    ContentVersions.Stations v2 = stations.version();
    testDb.exec(
        "INSERT INTO stations (slug, name, kind) "
            + "SELECT 'feed-bulk-' || g, '批量站', 'psych' FROM generate_series(1, 5001) g");
    stations.caughtUp().await(30, TimeUnit.SECONDS);
    assertEquals(Optional.empty(), stations.changedSince(v2), "too many since: read everything");

    feed.follow(horizon(), applying()).await(10, TimeUnit.SECONDS);
    assertTrue(within(10_000, () -> stations.version() != null), "following again");
    ContentVersions.Stations v3 = stations.version();
    assertEquals(Optional.empty(), stations.changedSince(v1), "another generation");
    assertEquals(Optional.of(Set.of()), stations.changedSince(v3));
    feed.stop().await(10, TimeUnit.SECONDS);
    assertTrue(stations.caughtUp().failed(), "nothing follows: no one waits for ever");
  }
}

package cn.shegong.portal.search;

import static cn.shegong.portal.search.SearchTesting.awaitSearch;
import static cn.shegong.portal.search.SearchTesting.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** The index follows PostgreSQL: every change committed there is searchable within two seconds. */
@ExtendWith(VertxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("The search index follows the database")
class SearchFollowsDatabaseTest {
  static final long WITHIN_MS = 2000;
  static Vertx vertx;
  static TestPortal portal;

  @BeforeAll
  static void start(Vertx v) throws Exception {
    vertx = v;
    portal = TestPortal.create(vertx).start().await(2, TimeUnit.MINUTES);
    SearchTesting.awaitIndex(portal);
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static long total(TestPortal p, String word) throws Exception {
    return SearchTesting.api(p, "q=" + enc(word)).getLong("total");
  }

  static boolean finds(JsonObject body, String slug) {
    return !body.getBoolean("partial")
        && body.getJsonArray("hits").stream()
            .anyMatch(h -> ((JsonObject) h).getString("url").equals("/news/" + slug));
  }

  static boolean lacks(JsonObject body, String slug) {
    return body.getJsonArray("hits").stream()
        .noneMatch(h -> ((JsonObject) h).getString("url").equals("/news/" + slug));
  }

  static String insertArticle(String slug, String title, String status) {
    return "INSERT INTO articles (slug, title, body, status, published_at, origin) VALUES ('"
        + slug
        + "', '"
        + title
        + "', '正文："
        + title
        + "。', '"
        + status
        + "', now(), 'editor')";
  }

  @Test
  @Order(1)
  @DisplayName("insert, update, unpublish and delete are searchable within 2 s")
  void followsChanges() throws Exception {
    var db = portal.database();
    db.exec(insertArticle("follow-one", "鹦鹉螺社区活动中心开放", "published"));
    awaitSearch(portal, "q=" + enc("鹦鹉螺"), b -> finds(b, "follow-one"), WITHIN_MS);
    db.exec("UPDATE articles SET title = '翡翠湾社区活动中心开放', body = '翡翠湾' WHERE slug = 'follow-one'");
    awaitSearch(portal, "q=" + enc("翡翠湾"), b -> finds(b, "follow-one"), WITHIN_MS);
    assertTrue(
        lacks(SearchTesting.api(portal, "q=" + enc("鹦鹉螺")), "follow-one"), "the old text is gone");
    db.exec("UPDATE articles SET status = 'unpublished' WHERE slug = 'follow-one'");
    awaitSearch(portal, "q=" + enc("翡翠湾"), b -> lacks(b, "follow-one"), WITHIN_MS);
    db.exec(insertArticle("follow-draft", "琥珀巷草稿", "draft"));
    db.exec(insertArticle("follow-two", "玛瑙街道社工站揭牌", "published"));
    awaitSearch(portal, "q=" + enc("玛瑙"), b -> finds(b, "follow-two"), WITHIN_MS);
    assertTrue(
        lacks(SearchTesting.api(portal, "q=" + enc("琥珀巷")), "follow-draft"),
        "drafts are never indexed");
    db.exec("DELETE FROM articles WHERE slug = 'follow-two'");
    awaitSearch(portal, "q=" + enc("玛瑙"), b -> lacks(b, "follow-two"), WITHIN_MS);
  }

  @Test
  @Order(2)
  @DisplayName("a transaction that took a lower seq but commits later is not skipped")
  void lateCommit() throws Exception {
    var db = portal.database();
    try (Connection slow = DriverManager.getConnection(db.jdbcUrl(), "postgres", "")) {
      slow.setAutoCommit(false);
      slow.createStatement().execute(insertArticle("late-slow", "珊瑚岛迟到的报道", "published"));
      db.exec(insertArticle("late-fast", "珍珠港先到的报道", "published"));
      awaitSearch(portal, "q=" + enc("珍珠港"), b -> finds(b, "late-fast"), WITHIN_MS);
      Thread.sleep(1500); // several poll cycles pass while the slow transaction is open
      slow.commit();
    }
    assertTrue(
        Long.parseLong(
                portal
                    .database()
                    .queryOne(
                        "SELECT min(seq) FROM change_log WHERE entity_id = "
                            + "(SELECT id FROM articles WHERE slug = 'late-slow')"))
            < Long.parseLong(
                portal
                    .database()
                    .queryOne(
                        "SELECT min(seq) FROM change_log WHERE entity_id = (SELECT id FROM articles WHERE slug = 'late-fast')")),
        "the late transaction holds the lower seq");
    awaitSearch(portal, "q=" + enc("珊瑚岛"), b -> finds(b, "late-slow"), WITHIN_MS);
  }

  @Test
  @Order(3)
  @DisplayName("two portals on one database each keep their own index and converge within 2 s")
  void twoProcesses() throws Exception {
    Path otherIndex = Files.createTempDirectory("portal-index-b-");
    TestPortal other =
        TestPortal.forDatabase(vertx, portal.database(), otherIndex, Map.of())
            .start()
            .await(2, TimeUnit.MINUTES);
    try {
      SearchTesting.awaitIndex(other);
      portal.database().exec(insertArticle("two-procs", "琉璃镇心理健康服务点启用", "published"));
      awaitSearch(portal, "q=" + enc("琉璃镇"), b -> finds(b, "two-procs"), WITHIN_MS);
      awaitSearch(other, "q=" + enc("琉璃镇"), b -> finds(b, "two-procs"), WITHIN_MS);
    } finally {
      other.stop().await(1, TimeUnit.MINUTES);
    }
  }

  @Test
  @Order(4)
  @DisplayName(
      "a restart catches up on changes made while stopped; an outdated or deleted index is rebuilt")
  void restart() throws Exception {
    long seedTotal = total(portal, "社工");
    portal.stop().await(1, TimeUnit.MINUTES);
    portal.database().exec(insertArticle("while-down", "水晶村在停机期间的新闻", "published"));
    portal =
        TestPortal.forDatabase(vertx, portal.database(), portal.indexDir(), Map.of())
            .start()
            .await(2, TimeUnit.MINUTES);
    SearchTesting.awaitIndex(portal);
    String genBefore = Files.readString(portal.indexDir().resolve("CURRENT")).strip();
    awaitSearch(portal, "q=" + enc("水晶村"), b -> finds(b, "while-down"), WITHIN_MS);

    // an index written by an older schema is rebuilt, not trusted
    portal.stop().await(1, TimeUnit.MINUTES);
    try (var dir = FSDirectory.open(portal.indexDir().resolve(genBefore));
        var w =
            new IndexWriter(
                dir, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      w.setLiveCommitData(Map.of(SearchIndex.SCHEMA, "0", SearchIndex.POSITION, "1").entrySet());
      w.commit();
    }
    portal =
        TestPortal.forDatabase(vertx, portal.database(), portal.indexDir(), Map.of())
            .start()
            .await(2, TimeUnit.MINUTES);
    SearchTesting.awaitIndex(portal);
    assertNotEquals(
        genBefore,
        Files.readString(portal.indexDir().resolve("CURRENT")).strip(),
        "a new generation");
    assertEquals(seedTotal, total(portal, "社工"), "rebuilt with everything");
    assertTrue(finds(SearchTesting.api(portal, "q=" + enc("水晶村")), "while-down"));

    // the whole index directory deleted while stopped
    portal.stop().await(1, TimeUnit.MINUTES);
    IndexGenerations.deleteTree(portal.indexDir());
    portal =
        TestPortal.forDatabase(vertx, portal.database(), portal.indexDir(), Map.of())
            .start()
            .await(2, TimeUnit.MINUTES);
    assertTrue(finds(SearchTesting.api(waitReady(portal), "q=" + enc("水晶村")), "while-down"));
    assertEquals(seedTotal, total(portal, "社工"));
  }

  @Test
  @Order(5)
  @DisplayName(
      "generate adds labelled synthetic rows; reindex in another process swaps a new generation in")
  void generateAndReindex() throws Exception {
    String before = Files.readString(portal.indexDir().resolve("CURRENT")).strip();
    assertEquals(
        0,
        cn.shegong.portal.synthetic.GenerateCommand.run(
            portal.config(), new String[] {"--articles", "30", "--stations", "10"}));
    assertEquals(
        "40",
        portal
            .database()
            .queryOne(
                "SELECT (SELECT count(*) FROM articles WHERE origin = 'synthetic')"
                    + " + (SELECT count(*) FROM stations WHERE origin = 'synthetic')"));
    assertEquals(0, ReindexCommand.run(portal.config()));
    assertNotEquals(before, Files.readString(portal.indexDir().resolve("CURRENT")).strip());
    awaitSearch(
        portal,
        "q=" + enc("测试数据"),
        b ->
            b.getLong("total") == 40
                && b.getJsonArray("hits").stream()
                    .allMatch(h -> ((JsonObject) h).getBoolean("synthetic")),
        5000);
    portal.database().exec(insertArticle("after-swap", "玳瑁湾换代之后的新闻", "published"));
    awaitSearch(portal, "q=" + enc("玳瑁湾"), b -> finds(b, "after-swap"), WITHIN_MS);
  }

  private static TestPortal waitReady(TestPortal p) throws Exception {
    SearchTesting.awaitIndex(p);
    return p;
  }
}

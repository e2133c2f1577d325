package cn.shegong.portal.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.IndexOnDisk;
import cn.shegong.portal.testing.PortalProcess;
import cn.shegong.portal.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The search index when the portal is killed or the index is deleted")
class SearchIndexCrashIT {
  static final Map<String, String> ENV = Map.of("PORTAL_SHUTDOWN_DRAIN_MS", "0");

  /** Total hits of an /api/search, or -1 while the index cannot answer. */
  static long total(PortalProcess portal, String q) throws Exception {
    var r = portal.get("/api/search?limit=1&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    return r.statusCode() == 200 ? new JsonObject(r.body()).getLong("total") : -1;
  }

  static long expectedSynthetic(TestDatabase db) {
    return Long.parseLong(
        db.queryOne(
            "SELECT (SELECT count(*) FROM articles WHERE origin = 'synthetic' AND status = 'published')"
                + " + (SELECT count(*) FROM stations WHERE origin = 'synthetic')"));
  }

  static void awaitTotal(PortalProcess portal, String q, long expected, Duration within)
      throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    long seen = -2;
    while (System.nanoTime() < deadline) {
      seen = total(portal, q);
      if (seen == expected) return;
      Thread.sleep(250);
    }
    throw new AssertionError(
        "search for "
            + q
            + " found "
            + seen
            + ", the database holds "
            + expected
            + "\n"
            + portal.log());
  }

  static String insertArticle(String slug, String title) {
    return "INSERT INTO articles (slug, title, body, status, published_at, origin) VALUES ('"
        + slug
        + "', '"
        + title
        + "', '正文："
        + title
        + "。', 'published', now(), 'editor')";
  }

  @Test
  @DisplayName(
      "kill -9 while indexing: the index on disk passes CheckIndex, and after a restart it converges with the database")
  void killedWhileIndexing() throws Exception {
    Path index = Files.createTempDirectory("portal-index-");
    try (TestDatabase db = TestDatabase.create()) {
      PortalProcess portal = PortalProcess.start(db, index, ENV);
      PortalProcess generate = null;
      try {
        portal.awaitReady(Duration.ofMinutes(2));
        generate =
            PortalProcess.start(
                db,
                index.resolveSibling(index.getFileName() + "-generate"),
                ENV,
                "generate",
                "--articles",
                "8000",
                "--stations",
                "2000");
        long seen = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (seen <= 0 && System.nanoTime() < deadline) {
          seen = total(portal, "测试数据");
          Thread.sleep(50);
        }
        assertTrue(seen > 0, "the follower started indexing the generated rows");
        portal.sigkill();
        portal.awaitExit(Duration.ofSeconds(20));
        assertEquals(
            0, generate.awaitExit(Duration.ofMinutes(3)), "generate finished:\n" + generate.log());
        long expected = expectedSynthetic(db);
        assertTrue(
            seen < expected, "killed mid-indexing: " + seen + " of " + expected + " indexed");

        Path live = IndexOnDisk.liveGeneration(index);
        assertNull(IndexOnDisk.problems(live), "CheckIndex after kill -9");
        db.exec(insertArticle("after-the-crash", "断电演练之后的最后一篇报道"));
      } finally {
        portal.close();
        if (generate != null) generate.close();
      }

      try (PortalProcess restarted = PortalProcess.start(db, index, ENV)) {
        restarted.awaitReady(Duration.ofMinutes(2));
        assertTrue(
            restarted.log().contains("Search index opened at position"),
            "reopened, not rebuilt:\n" + restarted.log());
        awaitTotal(restarted, "测试数据", expectedSynthetic(db), Duration.ofMinutes(2));
        awaitTotal(restarted, "断电演练之后的最后一篇报道", 1, Duration.ofSeconds(30));
      }
    }
  }

  @Test
  @DisplayName(
      "the index directory deleted while running and between runs: rebuilt, and search answers again")
  void indexDeleted() throws Exception {
    Path index = Files.createTempDirectory("portal-index-");
    try (TestDatabase db = TestDatabase.create()) {
      try (PortalProcess portal = PortalProcess.start(db, index, ENV)) {
        portal.awaitReady(Duration.ofMinutes(2));
        long before = total(portal, "社工");
        assertTrue(before > 0, "search answers before");
        IndexOnDisk.deleteTree(index);
        assertTrue(!Files.exists(index), "deleted");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(index.resolve("CURRENT")) && System.nanoTime() < deadline)
          Thread.sleep(200);
        assertTrue(
            Files.exists(index.resolve("CURRENT")), "rebuilt while running:\n" + portal.log());
        db.exec(insertArticle("after-the-deletion", "索引删除演练之后的报道"));
        awaitTotal(portal, "索引删除演练之后的报道", 1, Duration.ofSeconds(30));
        assertEquals(before, total(portal, "社工"), "the same answers as before");
        portal.sigterm();
        portal.awaitExit(Duration.ofSeconds(60));
      }
      IndexOnDisk.deleteTree(index);
      try (PortalProcess portal = PortalProcess.start(db, index, ENV)) {
        portal.awaitReady(Duration.ofMinutes(2));
        assertTrue(
            portal.log().contains("No search index under"), "rebuilt at start:\n" + portal.log());
        awaitTotal(portal, "索引删除演练之后的报道", 1, Duration.ofSeconds(30));
      }
    }
  }
}

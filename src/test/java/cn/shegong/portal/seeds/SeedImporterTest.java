package cn.shegong.portal.seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.config.AppConfig;
import cn.shegong.portal.db.Database;
import cn.shegong.portal.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@DisplayName("The seed importer")
class SeedImporterTest {
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
    db.close(vertx).await(30, TimeUnit.SECONDS);
    testDb.drop();
  }

  @Test
  @DisplayName("loads every curated article and station, links them, and a second run adds nothing")
  void idempotent(Vertx vertx) throws Exception {
    var importer = new SeedImporter(vertx, db.pool(), Path.of("seeds"));
    var first = importer.importAll().await(1, TimeUnit.MINUTES);
    assertTrue(first.problems().isEmpty(), "the project's seeds are clean: " + first.problems());
    assertTrue(first.articlesAdded() >= 13, "at least 13 articles, got " + first.articlesAdded());
    assertTrue(first.stationsAdded() >= 25, "at least 25 stations, got " + first.stationsAdded());
    assertTrue(first.linksAdded() > 0);
    assertEquals(
        "3", testDb.queryOne("SELECT count(DISTINCT kind) FROM stations"), "all three kinds");

    testDb.exec("UPDATE articles SET title = '编辑改过的标题' WHERE slug = 'zibo-social-work-talent'");
    var second = importer.importAll().await(1, TimeUnit.MINUTES);
    assertEquals(0, second.articlesAdded() + second.stationsAdded() + second.linksAdded());
    assertEquals(
        "编辑改过的标题",
        testDb.queryOne("SELECT title FROM articles WHERE slug = 'zibo-social-work-talent'"),
        "an editor's change survives a re-import");
    assertEquals(
        "0",
        testDb.queryOne(
            "SELECT count(*) FROM (SELECT slug FROM articles GROUP BY slug HAVING count(*) > 1) d"));
  }

  @Test
  @DisplayName("reports malformed files with file name and line and still imports the good ones")
  void badFiles(Vertx vertx, @TempDir Path dir) throws Exception {
    TestDatabase other = TestDatabase.create();
    Database otherDb =
        Database.open(vertx, AppConfig.from(Map.of("PORTAL_DB_URL", other.url())))
            .await(2, TimeUnit.MINUTES);
    try {
      Files.createDirectories(dir.resolve("articles"));
      Files.writeString(
          dir.resolve("articles/good.md"),
          """
          ---
          slug: good
          title: 好文章
          date: 2024-01-02
          date_precision: day
          stations: ok-station, no-such-station
          ---

          正文第一段。
          """);
      Files.writeString(dir.resolve("articles/no-front-matter.md"), "只有正文，没有文章信息。\n");
      Files.writeString(
          dir.resolve("articles/bad-date.md"),
          "---\nslug: bad-date\ntitle: 日期错\ndate: 2024-13-45\n---\n\n正文\n");
      Files.write(
          dir.resolve("articles/binary.md"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x41});
      Files.writeString(
          dir.resolve("stations.csv"),
          String.join(
                  "\n",
                  "id,name,kind,latitude,longitude",
                  "ok-station,好站点,psych,31.2,121.3",
                  "bad-kind,坏站点,hospital,31.2,121.3",
                  "bad-lat,坏坐标,township,123,121.3",
                  "short-row,少一列")
              + "\n");
      var report =
          new SeedImporter(vertx, otherDb.pool(), dir).importAll().await(1, TimeUnit.MINUTES);
      assertEquals(1, report.articlesAdded());
      assertEquals(1, report.stationsAdded());
      var problems = report.problems().stream().map(SeedProblem::toString).toList();
      assertTrue(
          problems.contains("articles/no-front-matter.md:1: 文件应以 --- 开始的文章信息（front matter）开头"),
          problems.toString());
      assertTrue(
          problems.stream().anyMatch(p -> p.startsWith("articles/bad-date.md:4:")),
          problems.toString());
      assertTrue(
          problems.stream().anyMatch(p -> p.startsWith("articles/binary.md:1:")),
          problems.toString());
      assertTrue(
          problems.stream().anyMatch(p -> p.startsWith("stations.csv:3:") && p.contains("kind")),
          problems.toString());
      assertTrue(
          problems.stream()
              .anyMatch(p -> p.startsWith("stations.csv:4:") && p.contains("latitude")),
          problems.toString());
      assertTrue(
          problems.stream().anyMatch(p -> p.startsWith("stations.csv:5:")), problems.toString());
      assertTrue(
          problems.contains("articles/good.md:1: stations 中的 no-such-station 不在 stations.csv 中"),
          problems.toString());
      assertEquals(1, report.linksAdded(), "the known station is still linked");
    } finally {
      otherDb.close(vertx).await(30, TimeUnit.SECONDS);
      other.drop();
    }
  }
}

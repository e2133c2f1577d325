package cn.shegong.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.editor.TokenCommand;
import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Rendered public pages kept in memory until the content changes")
class PageCacheTest {
  static TestPortal portal;
  static String token;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal = TestPortal.create(vertx).start().await(2, TimeUnit.MINUTES);
    // the API is reached with a token only; the account's password is never used
    portal
        .database()
        .exec(
            "INSERT INTO users (login, password_hash, role) VALUES ('cachedesk', 'unused', 'editor')");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TokenCommand.run(
        portal.config(),
        new String[] {"create", "cachedesk"},
        new PrintStream(out, true, StandardCharsets.UTF_8));
    String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
    token = lines[lines.length - 1].strip();
    // pages are kept only once the change log is followed (LISTEN connected), a moment after start
    long deadline = System.currentTimeMillis() + 10_000;
    while (portal.verticle().pageCache().contentVersion() == null
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static HttpResponse<Buffer> get(String uri) throws Exception {
    return portal.client().get(uri).send().await(20, TimeUnit.SECONDS);
  }

  static long hits() {
    return portal.verticle().pageCache().hits();
  }

  @Test
  @DisplayName(
      "a page asked for twice comes from memory the second time, byte for byte, with an ETag that answers 304")
  void secondReaderFromMemory() throws Exception {
    var first = get("/news?tag=%E7%A4%BE%E5%B7%A5%E7%AB%99");
    long before = hits();
    var second = get("/news?tag=%E7%A4%BE%E5%B7%A5%E7%AB%99");
    assertEquals(200, second.statusCode());
    assertEquals(before + 1, hits());
    assertEquals(first.bodyAsString(), second.bodyAsString());
    String etag = second.getHeader("ETag");
    assertNotNull(etag);
    assertEquals(etag, first.getHeader("ETag"));
    assertNotNull(
        second.getHeader("Content-Security-Policy"), "security headers on cached pages too");
    var revalidated =
        portal
            .client()
            .get("/news?tag=%E7%A4%BE%E5%B7%A5%E7%AB%99")
            .putHeader("If-None-Match", etag)
            .send()
            .await(20, TimeUnit.SECONDS);
    assertEquals(304, revalidated.statusCode());
  }

  @Test
  @DisplayName(
      "a kept page goes out gzip-compressed to readers that accept it, and plain to the others")
  void gzipForThoseWhoAcceptIt() throws Exception {
    String plain = get("/").bodyAsString();
    get("/");
    var zipped =
        portal
            .client()
            .get("/")
            .putHeader("Accept-Encoding", "gzip, deflate, br")
            .send()
            .await(20, TimeUnit.SECONDS);
    assertEquals("gzip", zipped.getHeader("Content-Encoding"));
    try (var in =
        new java.util.zip.GZIPInputStream(
            new java.io.ByteArrayInputStream(zipped.body().getBytes()))) {
      assertEquals(plain, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    var refused =
        portal
            .client()
            .get("/")
            .putHeader("Accept-Encoding", "gzip;q=0")
            .send()
            .await(20, TimeUnit.SECONDS);
    assertEquals(null, refused.getHeader("Content-Encoding"));
    assertEquals(plain, refused.bodyAsString());
  }

  @Test
  @DisplayName(
      "anonymous or refused posts (a wrong login, an API call without a token) do not empty the cache")
  void anonymousPostsKeepTheCache() throws Exception {
    get("/news");
    long before = hits();
    assertEquals(200, get("/news").statusCode());
    var login =
        portal
            .client()
            .post("/editor/login")
            .sendForm(
                io.vertx.core.MultiMap.caseInsensitiveMultiMap()
                    .add("login", "nobody")
                    .add("password", "wrong"))
            .await(20, TimeUnit.SECONDS);
    assertTrue(
        login.statusCode() >= 400 || login.statusCode() == 200, "refused: " + login.statusCode());
    assertEquals(
        401,
        portal
            .client()
            .post("/api/editor/articles")
            .sendJsonObject(new JsonObject().put("title", "x"))
            .await(20, TimeUnit.SECONDS)
            .statusCode());
    assertEquals(200, get("/news").statusCode());
    assertEquals(before + 2, hits(), "still answered from memory");
  }

  @Test
  @DisplayName("error pages are never kept: a missing report stays a fresh 404")
  void errorsNotKept() throws Exception {
    assertEquals(404, get("/news/no-such-report").statusCode());
    long before = hits();
    assertEquals(404, get("/news/no-such-report").statusCode());
    assertEquals(before, hits());
  }

  @Test
  @DisplayName(
      "an edit, publication or withdrawal through the editor API shows on the public page at once")
  void editorWritesShowAtOnce() throws Exception {
    var created =
        portal
            .client()
            .post("/api/editor/articles")
            .putHeader("Authorization", "Bearer " + token)
            .sendJsonObject(
                new JsonObject()
                    .put("title", "缓存测试公告")
                    .put("body", "第一段。")
                    .put("published_at", "2025-06-01"))
            .await(20, TimeUnit.SECONDS)
            .bodyAsJsonObject();
    String path = "/news/" + created.getString("slug");
    long id = created.getLong("id");
    assertEquals(404, get(path).statusCode());
    api("/api/editor/articles/" + id + "/publish", null);
    assertTrue(get(path).bodyAsString().contains("缓存测试公告"));
    assertTrue(get(path).bodyAsString().contains("缓存测试公告"));
    var edit =
        portal
            .client()
            .put("/api/editor/articles/" + id)
            .putHeader("Authorization", "Bearer " + token)
            .sendJsonObject(
                new JsonObject()
                    .put("title", "缓存测试公告（更正）")
                    .put("body", "第一段。")
                    .put("version", 2)
                    .put("change", new JsonObject().put("kind", "correction").put("note", "标题更正")))
            .await(20, TimeUnit.SECONDS);
    assertEquals(200, edit.statusCode(), edit.bodyAsString());
    assertTrue(get(path).bodyAsString().contains("缓存测试公告（更正）"));
    api("/api/editor/articles/" + id + "/unpublish", null);
    assertEquals(404, get(path).statusCode());
  }

  @Test
  @DisplayName(
      "a change committed elsewhere (another process, a SQL session) reaches a kept page within 2 s")
  void changesElsewhereWithinTwoSeconds() throws Exception {
    String slug =
        portal
            .database()
            .queryOne("SELECT slug FROM articles WHERE status = 'published' ORDER BY id LIMIT 1");
    get("/news/" + slug);
    long before = hits();
    assertEquals(200, get("/news/" + slug).statusCode());
    assertEquals(before + 1, hits(), "kept before the change");
    portal.database().exec("UPDATE articles SET title = '另一进程改过的标题' WHERE slug = '" + slug + "'");
    long deadline = System.currentTimeMillis() + 2000;
    String body = "";
    while (System.currentTimeMillis() < deadline && !body.contains("另一进程改过的标题")) {
      body = get("/news/" + slug).bodyAsString();
      Thread.sleep(50);
    }
    assertTrue(body.contains("另一进程改过的标题"), "the page shows the change within 2 s");
  }

  static void api(String uri, JsonObject body) throws Exception {
    var req = portal.client().post(uri).putHeader("Authorization", "Bearer " + token);
    var res = (body == null ? req.send() : req.sendJsonObject(body)).await(20, TimeUnit.SECONDS);
    assertEquals(200, res.statusCode(), res.bodyAsString());
  }
}

package cn.shegong.portal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
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
@DisplayName("The JSON editor API with bearer tokens from ./portal token create")
class ArticleApiTest {
  static TestPortal portal;
  static String token;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal = TestPortal.create(vertx).start().await(2, TimeUnit.MINUTES);
    DeskClient.addUser(portal.database(), "newsroom", "editor");
    DeskClient.addUser(portal.database(), "former", "editor");
    DeskClient.addUser(portal.database(), "writer", "contributor");
    DeskClient.addUser(portal.database(), "boss", "admin");
    token = ApiTokenFixture.create(portal, "newsroom");
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static String createToken(String login) {
    return ApiTokenFixture.create(portal, login);
  }

  static HttpResponse<Buffer> call(HttpMethod method, String uri, String bearer, Object body)
      throws Exception {
    var req = portal.client().request(method, uri);
    if (bearer != null) req.putHeader("Authorization", "Bearer " + bearer);
    var f =
        body == null
            ? req.send()
            : body instanceof JsonObject j ? req.sendJsonObject(j) : req.sendBuffer((Buffer) body);
    return f.await(60, TimeUnit.SECONDS);
  }

  static String q(String sql) {
    return portal.database().queryOne(sql);
  }

  @Test
  @DisplayName(
      "token create prints a token on its last line, stored only as its SHA-256; unknown logins fail")
  void tokenCommand() {
    assertTrue(token.matches("sgt_[A-Za-z0-9_-]{43}"), token);
    assertEquals(
        "1",
        q("SELECT count(*) FROM api_tokens WHERE token_hash = '" + Secrets.sha256Hex(token) + "'"));
    assertEquals("0", q("SELECT count(*) FROM api_tokens WHERE token_hash = '" + token + "'"));
    try {
      TokenCommand.run(
          portal.config(),
          new String[] {"create", "nobody"},
          new PrintStream(new ByteArrayOutputStream()));
      throw new AssertionError("expected a refusal");
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage().contains("nobody"));
    }
  }

  @Test
  @DisplayName(
      "a token expires: 90 days by default, --days N at creation, shown in the desk; an expired one gets 401 in Chinese JSON")
  void tokenExpiry() throws Exception {
    String fresh = createToken("newsroom");
    assertEquals(
        "t",
        q(
            "SELECT expires_at BETWEEN now() + interval '89 days 23 hours' AND now() + interval '90 days 1 hour' "
                + "FROM api_tokens WHERE token_hash = '"
                + Secrets.sha256Hex(fresh)
                + "'"));
    var out = new ByteArrayOutputStream();
    assertEquals(
        0,
        TokenCommand.run(
            portal.config(),
            new String[] {"create", "newsroom", "--days", "2"},
            new PrintStream(out, true, StandardCharsets.UTF_8)));
    String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
    String shortLived = lines[lines.length - 1];
    String id =
        q("SELECT id FROM api_tokens WHERE token_hash = '" + Secrets.sha256Hex(shortLived) + "'");
    assertEquals(
        "2",
        q(
            "SELECT round(extract(epoch FROM expires_at - now()) / 86400) FROM api_tokens WHERE id = "
                + id));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            TokenCommand.run(
                portal.config(),
                new String[] {"create", "newsroom", "--days", "0"},
                new PrintStream(new ByteArrayOutputStream())));
    assertEquals(200, call(HttpMethod.GET, "/api/editor/articles", shortLived, null).statusCode());
    portal
        .database()
        .exec("UPDATE api_tokens SET expires_at = now() - interval '1 minute' WHERE id = " + id);
    var expired = call(HttpMethod.GET, "/api/editor/articles", shortLived, null);
    assertEquals(401, expired.statusCode());
    assertTrue(expired.bodyAsString().contains("已过期"), expired.bodyAsString());
    assertTrue(
        expired.getHeader("Content-Type").startsWith("application/json"),
        expired.getHeader("Content-Type"));
    String users = DeskClient.login(portal, "boss").get("/editor/users").bodyAsString();
    assertTrue(users.contains("已过期") && users.contains("到期"), "expiry shown on the accounts page");
    assertEquals(200, call(HttpMethod.GET, "/api/editor/articles", fresh, null).statusCode());
  }

  @Test
  @DisplayName(
      "without a valid token 401; a revoked token 401; a contributor publishing or a disabled account 403 — all JSON")
  void authentication() throws Exception {
    var none = call(HttpMethod.GET, "/api/editor/articles", null, null);
    assertEquals(401, none.statusCode());
    assertEquals(401, none.bodyAsJsonObject().getInteger("status"));
    assertEquals(
        401, call(HttpMethod.GET, "/api/editor/articles", "sgt_forged", null).statusCode());
    String former = createToken("former");
    assertEquals(200, call(HttpMethod.GET, "/api/editor/articles", former, null).statusCode());
    portal.database().exec("UPDATE users SET disabled = true WHERE login = 'former'");
    var forbidden =
        call(HttpMethod.POST, "/api/editor/articles", former, new JsonObject().put("title", "x"));
    assertEquals(403, forbidden.statusCode());
    assertTrue(forbidden.bodyAsJsonObject().getString("error").contains("停用"));
    String writer = createToken("writer");
    var draft =
        call(
            HttpMethod.POST,
            "/api/editor/articles",
            writer,
            new JsonObject().put("title", "撰稿人的稿件"));
    assertEquals(201, draft.statusCode(), "contributors may write drafts");
    long draftId = draft.bodyAsJsonObject().getLong("id");
    var refused =
        call(HttpMethod.POST, "/api/editor/articles/" + draftId + "/publish", writer, null);
    assertEquals(403, refused.statusCode(), "but a contributor's role may not publish");
    assertEquals(403, refused.bodyAsJsonObject().getInteger("status"));
    assertEquals("draft", q("SELECT status FROM articles WHERE id = " + draftId));
    String revoked = createToken("newsroom");
    assertEquals(200, call(HttpMethod.GET, "/api/editor/articles", revoked, null).statusCode());
    DeskClient admin = DeskClient.login(portal, "boss");
    String tokenId =
        q("SELECT id FROM api_tokens WHERE token_hash = '" + Secrets.sha256Hex(revoked) + "'");
    assertTrue(
        admin
            .get("/editor/users")
            .bodyAsString()
            .contains("/editor/users/tokens/" + tokenId + "/revoke"));
    assertEquals(
        303,
        admin.post("/editor/users/tokens/" + tokenId + "/revoke", DeskClient.form()).statusCode());
    assertEquals(
        401,
        call(HttpMethod.GET, "/api/editor/articles", revoked, null).statusCode(),
        "revoked from the desk");
    assertEquals(
        200,
        call(HttpMethod.GET, "/api/editor/articles", token, null).statusCode(),
        "other tokens still work");
    assertEquals(null, none.getHeader("Set-Cookie"));
  }

  @Test
  @DisplayName(
      "editing a published report without a date keeps its date (was a 500 from the database's check)")
  void editPublishedWithoutDate() throws Exception {
    var created =
        call(
            HttpMethod.POST,
            "/api/editor/articles",
            token,
            new JsonObject().put("title", "有日期的公告").put("published_at", "2025-03-04"));
    long id = created.bodyAsJsonObject().getLong("id");
    assertEquals(
        200,
        call(HttpMethod.POST, "/api/editor/articles/" + id + "/publish", token, null).statusCode());
    var edited =
        call(
            HttpMethod.PUT,
            "/api/editor/articles/" + id,
            token,
            new JsonObject()
                .put("title", "有日期的公告（更正）")
                .put("version", 2)
                .put(
                    "change", new JsonObject().put("kind", "correction").put("note", "标题补上“更正”。")));
    assertEquals(200, edited.statusCode(), edited.bodyAsString());
    assertEquals(
        "2025-03-04",
        q(
            "SELECT (published_at AT TIME ZONE 'Asia/Shanghai')::date FROM articles WHERE id = "
                + id));
  }

  @Test
  @DisplayName(
      "create 201 → edit 200 with a new version → stale 409 → publish 200 with url → unpublish 200")
  void lifecycle() throws Exception {
    var created =
        call(
            HttpMethod.POST,
            "/api/editor/articles",
            token,
            new JsonObject()
                .put("title", "接口发布的公告")
                .put("body", "第一段。\n\n第二段。")
                .put("source", "《测试日报》")
                .put("published_at", "2025-06-01")
                .put("tags", new io.vertx.core.json.JsonArray().add("公告")));
    assertEquals(201, created.statusCode(), created.bodyAsString());
    JsonObject a = created.bodyAsJsonObject();
    assertEquals("draft", a.getString("status"));
    assertEquals(1, a.getInteger("version"));
    long id = a.getLong("id");
    String slug = a.getString("slug");
    var drafts =
        call(HttpMethod.GET, "/api/editor/articles?status=draft", token, null).bodyAsJsonObject();
    assertTrue(
        drafts.getJsonArray("articles").stream()
            .anyMatch(x -> ((JsonObject) x).getLong("id") == id));
    var edited =
        call(
            HttpMethod.PUT,
            "/api/editor/articles/" + id,
            token,
            new JsonObject().put("title", "接口发布的公告（更新）").put("body", "新正文").put("version", 1));
    assertEquals(200, edited.statusCode());
    assertEquals(2, edited.bodyAsJsonObject().getInteger("version"));
    assertEquals(slug, edited.bodyAsJsonObject().getString("slug"), "slugs are stable");
    var stale =
        call(
            HttpMethod.PUT,
            "/api/editor/articles/" + id,
            token,
            new JsonObject().put("title", "过期的修改").put("version", 1));
    assertEquals(409, stale.statusCode());
    assertEquals(2, stale.bodyAsJsonObject().getInteger("current_version"));
    assertEquals("接口发布的公告（更新）", q("SELECT title FROM articles WHERE id = " + id));
    var published = call(HttpMethod.POST, "/api/editor/articles/" + id + "/publish", token, null);
    assertEquals(200, published.statusCode());
    assertTrue(published.bodyAsJsonObject().getString("url").endsWith("/news/" + slug));
    assertEquals(
        200, portal.client().get("/news/" + slug).send().await(20, TimeUnit.SECONDS).statusCode());
    var unpublished =
        call(HttpMethod.POST, "/api/editor/articles/" + id + "/unpublish", token, null);
    assertEquals(200, unpublished.statusCode());
    assertEquals("unpublished", unpublished.bodyAsJsonObject().getString("status"));
    assertEquals(
        404, portal.client().get("/news/" + slug).send().await(20, TimeUnit.SECONDS).statusCode());
    assertTrue(
        q("SELECT string_agg(action, ',' ORDER BY id) FROM audit_log WHERE entity_id = " + id)
            .startsWith("article.create,article.update,article.publish,article.unpublish"));
  }

  @Test
  @DisplayName(
      "missing title, bad dates, bad JSON, unknown ids and a 10 MB body get JSON 4xx and change nothing")
  void badInput() throws Exception {
    String before = q("SELECT count(*) || '/' || coalesce(sum(version), 0) FROM articles");
    assertEquals(
        400,
        call(HttpMethod.POST, "/api/editor/articles", token, new JsonObject().put("body", "无标题"))
            .statusCode());
    var date =
        call(
            HttpMethod.POST,
            "/api/editor/articles",
            token,
            new JsonObject().put("title", "t").put("published_at", "昨天"));
    assertEquals(400, date.statusCode());
    assertTrue(date.bodyAsJsonObject().getString("error").contains("日期"));
    assertEquals(
        400,
        call(HttpMethod.POST, "/api/editor/articles", token, Buffer.buffer("{not json"))
            .statusCode());
    assertEquals(
        400,
        call(HttpMethod.POST, "/api/editor/articles", token, new JsonObject().put("title", 42))
            .statusCode());
    assertEquals(
        400, call(HttpMethod.GET, "/api/editor/articles?status=bogus", token, null).statusCode());
    assertEquals(
        404,
        call(
                HttpMethod.PUT,
                "/api/editor/articles/999999",
                token,
                new JsonObject().put("title", "t").put("version", 1))
            .statusCode());
    assertEquals(
        404, call(HttpMethod.POST, "/api/editor/articles/abc/publish", token, null).statusCode());
    assertEquals(
        404,
        call(HttpMethod.POST, "/api/editor/articles/999999/unpublish", token, null).statusCode());
    assertEquals(
        400,
        call(HttpMethod.PUT, "/api/editor/articles/1", token, new JsonObject().put("title", "无版本"))
            .statusCode());
    String huge = "段".repeat(10 * 1024 * 1024 / 3 + 10);
    var big =
        call(
            HttpMethod.POST,
            "/api/editor/articles",
            token,
            new JsonObject().put("title", "大").put("body", huge));
    assertEquals(413, big.statusCode());
    assertEquals(413, big.bodyAsJsonObject().getInteger("status"));
    assertEquals(before, q("SELECT count(*) || '/' || coalesce(sum(version), 0) FROM articles"));
  }
}

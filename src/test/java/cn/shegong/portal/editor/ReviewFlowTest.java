package cn.shegong.portal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName(
    "A contributor submits drafts for review; an editor publishes or sends them back with a note")
class ReviewFlowTest {
  static TestPortal portal;
  static DeskClient writer;
  static DeskClient other;
  static DeskClient editor;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal = TestPortal.create(vertx).start().await(2, TimeUnit.MINUTES);
    DeskClient.addUser(portal.database(), "writer", "contributor");
    DeskClient.addUser(portal.database(), "other", "contributor");
    DeskClient.addUser(portal.database(), "eddie", "editor");
    writer = DeskClient.login(portal, "writer");
    other = DeskClient.login(portal, "other");
    editor = DeskClient.login(portal, "eddie");
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  private static String q(String sql) {
    return portal.database().queryOne(sql);
  }

  private static String version(String id) {
    return q("SELECT version FROM articles WHERE id = " + id);
  }

  private static int save(DeskClient who, String id, String title) throws Exception {
    return who.post(
            "/editor/articles/" + id, DeskClient.form("version", version(id), "title", title))
        .statusCode();
  }

  @Test
  @DisplayName(
      "draft → in review (counted for editors) → sent back with a note → revised → in review → published")
  void lifeCycle() throws Exception {
    var created = writer.post("/editor/articles", DeskClient.form("title", "社区康复站开放日"));
    assertEquals(303, created.statusCode());
    String id = created.getHeader("Location").replaceAll("^/editor/articles/(\\d+)/edit.*$", "$1");
    assertEquals(
        "writer",
        q("SELECT u.login FROM articles a JOIN users u ON u.id = a.created_by WHERE a.id = " + id));
    assertEquals(403, save(other, id, "别人改的"), "another contributor may not edit this draft");
    assertEquals(
        403, other.post("/editor/articles/" + id + "/submit", DeskClient.form()).statusCode());

    assertEquals(
        303, writer.post("/editor/articles/" + id + "/submit", DeskClient.form()).statusCode());
    assertEquals("in_review", q("SELECT status FROM articles WHERE id = " + id));
    assertEquals(
        403, save(writer, id, "提交后又改"), "a submitted draft is the editors' until sent back");
    assertEquals(
        409,
        writer.post("/editor/articles/" + id + "/submit", DeskClient.form()).statusCode(),
        "submitted twice");
    String list = editor.get("/editor/articles").bodyAsString();
    String waiting = q("SELECT count(*) FROM articles WHERE status = 'in_review'");
    assertTrue(list.contains(waiting + " 篇稿件待审核"), list);
    assertTrue(list.contains("待审核（" + waiting + "）"));
    assertFalse(
        writer.get("/editor/articles").bodyAsString().contains("篇稿件待审核"),
        "contributors do not review");

    assertEquals(
        400,
        editor
            .post("/editor/articles/" + id + "/send-back", DeskClient.form("note", ""))
            .statusCode());
    assertEquals(
        303,
        editor
            .post("/editor/articles/" + id + "/send-back", DeskClient.form("note", "请补充开放时间的来源"))
            .statusCode());
    assertEquals("draft", q("SELECT status FROM articles WHERE id = " + id));
    assertTrue(
        writer.get("/editor/articles/" + id + "/edit").bodyAsString().contains("请补充开放时间的来源"));

    assertEquals(303, save(writer, id, "社区康复站开放日（附来源）"));
    assertEquals(
        303, writer.post("/editor/articles/" + id + "/submit", DeskClient.form()).statusCode());
    assertEquals(
        403, writer.post("/editor/articles/" + id + "/publish", DeskClient.form()).statusCode());
    assertEquals(
        303, editor.post("/editor/articles/" + id + "/publish", DeskClient.form()).statusCode());
    assertEquals("published", q("SELECT status FROM articles WHERE id = " + id));
    String slug = q("SELECT slug FROM articles WHERE id = " + id);
    var page = portal.client().get("/news/" + slug).send().await(20, TimeUnit.SECONDS);
    assertEquals(200, page.statusCode());
    assertTrue(page.bodyAsString().contains("社区康复站开放日（附来源）"));
    assertEquals(403, save(writer, id, "发布后再改"), "published: contributors may no longer edit");
  }

  @Test
  @DisplayName("through the API a contributor submits their own draft for review")
  void apiSubmit() throws Exception {
    String token = ApiTokenFixture.create(portal, "writer");
    var created =
        portal
            .client()
            .post("/api/editor/articles")
            .putHeader("Authorization", "Bearer " + token)
            .sendJsonObject(new io.vertx.core.json.JsonObject().put("title", "接口提交的草稿"))
            .await(30, TimeUnit.SECONDS);
    assertEquals(201, created.statusCode(), created.bodyAsString());
    long id = created.bodyAsJsonObject().getLong("id");
    var submitted =
        portal
            .client()
            .post("/api/editor/articles/" + id + "/submit")
            .putHeader("Authorization", "Bearer " + token)
            .sendBuffer(Buffer.buffer("{}"))
            .await(30, TimeUnit.SECONDS);
    assertEquals(200, submitted.statusCode(), submitted.bodyAsString());
    assertEquals("in_review", submitted.bodyAsJsonObject().getString("status"));
  }
}

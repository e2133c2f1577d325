package cn.shegong.portal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

@ExtendWith(VertxExtension.class)
@DisplayName(
    "The desk's search tools: what readers could not find (counts only) and synonyms admins edit")
class SearchDeskTest {
  static TestPortal portal;
  static DeskClient admin;
  static DeskClient editor;
  static DeskClient contributor;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal = TestPortal.create(vertx).start().await(2, TimeUnit.MINUTES);
    DeskClient.addUser(portal.database(), "synadmin", "admin");
    DeskClient.addUser(portal.database(), "gapeditor", "editor");
    DeskClient.addUser(portal.database(), "gapwriter", "contributor");
    admin = DeskClient.login(portal, "synadmin");
    editor = DeskClient.login(portal, "gapeditor");
    contributor = DeskClient.login(portal, "gapwriter");
    long until = System.currentTimeMillis() + 60_000;
    while (api("社工").getInteger("total", 0) == 0 && System.currentTimeMillis() < until)
      Thread.sleep(200);
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String q(String sql) {
    return portal.database().queryOne(sql);
  }

  static int page(String query) throws Exception {
    return portal
        .client()
        .get("/search?q=" + enc(query))
        .send()
        .await(30, TimeUnit.SECONDS)
        .statusCode();
  }

  static JsonObject api(String query) throws Exception {
    var r = portal.client().get("/api/search?q=" + enc(query)).send().await(30, TimeUnit.SECONDS);
    return r.statusCode() == 200 ? r.bodyAsJsonObject() : new JsonObject();
  }

  static void awaitRows(String sql, String expected) throws Exception {
    long until = System.currentTimeMillis() + 10_000;
    while (!expected.equals(q(sql)) && System.currentTimeMillis() < until) Thread.sleep(50);
    assertEquals(expected, q(sql), sql);
  }

  @Test
  @DisplayName(
      "zero-result searches are counted per query, each time; sensitive and short ones never, and counting never logs the query")
  void gapsCountedWithoutTheQueryInLogs() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    Logger access = (Logger) LoggerFactory.getLogger("access");
    Logger ours = (Logger) LoggerFactory.getLogger("cn.shegong");
    Level accessLevel = access.getLevel();
    Level oursLevel = ours.getLevel();
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    access.setLevel(Level.DEBUG);
    ours.setLevel(Level.DEBUG);
    String gap = "甲乙丙丁戊无此词";
    String phone = "张三 138 1234 5678";
    String id = "11010519491231002X";
    try {
      for (String query : List.of(gap, gap, phone, id, "社", "社工")) {
        assertEquals(200, page(query), query);
      }
      awaitRows("SELECT searches FROM search_gaps WHERE query = '" + gap + "'", "2");
      assertEquals("0", q("SELECT found FROM search_gaps WHERE query = '" + gap + "'"));
      Thread.sleep(300);
      assertEquals("1", q("SELECT count(*) FROM search_gaps"), "only the harmless gap is kept");
      // a count the database refuses is logged without the row (PostgreSQL would quote it)
      portal
          .database()
          .exec("ALTER TABLE search_gaps ADD CONSTRAINT refuse CHECK (searches < 0) NOT VALID");
      String refused = "庚辛壬癸无此词";
      assertEquals(200, page(refused));
      long until = System.currentTimeMillis() + 5_000;
      while (logs.list.stream().noneMatch(e -> e.getFormattedMessage().contains("not counted"))
          && System.currentTimeMillis() < until) Thread.sleep(50);
      assertTrue(
          logs.list.stream().anyMatch(e -> e.getFormattedMessage().contains("not counted")),
          "the failure is logged");
      portal.database().exec("ALTER TABLE search_gaps DROP CONSTRAINT refuse");
    } finally {
      root.detachAppender(logs);
      access.setLevel(accessLevel);
      ours.setLevel(oursLevel);
    }
    for (ILoggingEvent e : logs.list) {
      String line =
          e.getFormattedMessage()
              + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
      for (String secret :
          List.of(gap, enc(gap), "庚辛壬癸", enc("庚辛壬癸无此词"), "1234", "19491231", "张三", enc("张三")))
        assertFalse(line.contains(secret), "logged: " + line);
    }

    String desk = editor.get("/editor/search-gaps").bodyAsString();
    assertTrue(desk.contains("<td>" + gap + "</td><td>2</td><td>0</td>"), desk);
    assertFalse(desk.contains("1234") || desk.contains("19491231"));
    assertEquals(403, contributor.get("/editor/search-gaps").statusCode());
  }

  @Test
  @DisplayName(
      "an admin's synonym applies to searches within seconds, without a restart, and is audited; removing it undoes it; editors may not")
  void synonymsEditedInTheDesk() throws Exception {
    String word = "霁霞翀蔚";
    assertEquals(0, api(word).getInteger("total"));
    assertEquals(403, editor.get("/editor/synonyms").statusCode());
    assertEquals(
        403, editor.post("/editor/synonyms", DeskClient.form("line", word + ", 社工站")).statusCode());
    assertEquals("0", q("SELECT count(*) FROM search_synonyms"));
    var bad = admin.post("/editor/synonyms", DeskClient.form("line", word));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.bodyAsString().contains("至少需要两个词"));
    assertEquals(
        303, admin.post("/editor/synonyms", DeskClient.form("line", word + ", 社工站")).statusCode());
    assertEquals(
        "synadmin",
        q(
            "SELECT actor FROM audit_log WHERE action = 'synonyms.add' AND detail->>'line' = '"
                + word
                + ", 社工站'"));
    long until = System.currentTimeMillis() + 10_000;
    while (api(word).getInteger("total") == 0 && System.currentTimeMillis() < until)
      Thread.sleep(100);
    assertTrue(api(word).getInteger("total") > 0, "applied without restart");
    String page =
        portal
            .client()
            .get("/search?q=" + enc(word))
            .send()
            .await(30, TimeUnit.SECONDS)
            .bodyAsString();
    assertFalse(page.contains("找到 <strong>0</strong>"), "the page follows too");
    assertTrue(admin.get("/editor/synonyms").bodyAsString().contains(word + ", 社工站"));

    String id = q("SELECT id FROM search_synonyms");
    assertEquals(
        303, admin.post("/editor/synonyms/" + id + "/delete", DeskClient.form()).statusCode());
    assertEquals("1", q("SELECT count(*) FROM audit_log WHERE action = 'synonyms.delete'"));
    until = System.currentTimeMillis() + 10_000;
    while (api(word).getInteger("total") > 0 && System.currentTimeMillis() < until)
      Thread.sleep(100);
    assertEquals(0, api(word).getInteger("total"), "removed without restart");
  }
}

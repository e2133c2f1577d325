package cn.shegong.portal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Desk accounts: login, sessions, CSRF and roles")
class EditorLoginTest {
  static TestPortal portal;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal = TestPortal.create(vertx).start().await(2, TimeUnit.MINUTES);
    DeskClient.addUser(portal.database(), "alice", "editor");
    DeskClient.addUser(portal.database(), "root", "admin");
    DeskClient.addUser(portal.database(), "gone", "editor");
    DeskClient.addUser(portal.database(), "writer", "contributor");
    portal.database().exec("UPDATE users SET disabled = true WHERE login = 'gone'");
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  @Test
  @DisplayName(
      "a good login sets an HttpOnly, SameSite cookie on /editor (not Secure without TLS) and a new session each time")
  void loginOk() throws Exception {
    var r = DeskClient.postLogin(portal, "alice", DeskClient.PASSWORD);
    assertEquals(303, r.statusCode());
    assertEquals("/editor", r.getHeader("Location"));
    String setCookie = r.cookies().get(0);
    assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
    assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
    assertTrue(setCookie.contains("Path=/editor"), setCookie);
    assertFalse(setCookie.contains("Secure"), setCookie);
    String first = DeskClient.sessionCookie(r);
    String second = DeskClient.login(portal, "alice").cookie;
    assertNotEquals(first, second);
    assertEquals(
        "1",
        portal
            .database()
            .queryOne(
                "SELECT count(*) FROM sessions WHERE id_hash = '" + Secrets.sha256Hex(first) + "'"),
        "the database holds the SHA-256 of the cookie");
    assertEquals(
        "0",
        portal
            .database()
            .queryOne("SELECT count(*) FROM sessions WHERE id_hash = '" + first + "'"));
    assertEquals(200, DeskClient.withCookie(portal, first).get("/editor/articles").statusCode());
  }

  @Test
  @DisplayName(
      "an unknown user and a wrong password get the same status and message, after similar work")
  void badLogin() throws Exception {
    long t0 = System.nanoTime();
    var wrong = DeskClient.postLogin(portal, "alice", "not the password");
    long t1 = System.nanoTime();
    var unknown = DeskClient.postLogin(portal, "nobody", "not the password");
    long t2 = System.nanoTime();
    var disabled = DeskClient.postLogin(portal, "gone", DeskClient.PASSWORD);
    for (var r : List.of(wrong, unknown, disabled)) {
      assertEquals(401, r.statusCode());
      assertTrue(r.bodyAsString().contains(LoginRoutes.BAD_LOGIN));
      assertNull(r.getHeader("Set-Cookie"));
    }
    double ratio = (double) (t2 - t1) / (t1 - t0);
    assertTrue(
        ratio > 0.3 && ratio < 3.5, "unknown user verified against a dummy hash, ratio " + ratio);
  }

  @Test
  @DisplayName("logout deletes the session on the server: the old cookie no longer opens the desk")
  void logout() throws Exception {
    DeskClient desk = DeskClient.login(portal, "alice");
    var out = desk.post("/editor/logout", DeskClient.form());
    assertEquals(303, out.statusCode());
    assertTrue(out.cookies().get(0).contains("Max-Age=0"));
    var after = desk.get("/editor/articles");
    assertEquals(303, after.statusCode());
    assertEquals("/editor/login", after.getHeader("Location"));
  }

  @Test
  @DisplayName("sessions end after 30 idle minutes and after 12 hours in any case")
  void timeouts() throws Exception {
    DeskClient idle = DeskClient.login(portal, "alice");
    portal
        .database()
        .exec(
            "UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE id_hash = '"
                + Secrets.sha256Hex(idle.cookie)
                + "'");
    assertEquals(303, idle.get("/editor/articles").statusCode());
    DeskClient old = DeskClient.login(portal, "alice");
    portal
        .database()
        .exec(
            "UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id_hash = '"
                + Secrets.sha256Hex(old.cookie)
                + "'");
    assertEquals(303, old.get("/editor/articles").statusCode());
  }

  @Test
  @DisplayName(
      "a POST without a CSRF token or with another session's token is refused with 403 and changes nothing")
  void csrf() throws Exception {
    DeskClient alice = DeskClient.login(portal, "alice");
    DeskClient other = DeskClient.login(portal, "root");
    String before = portal.database().queryOne("SELECT count(*) FROM articles");
    var missing = alice.postRaw("/editor/articles", DeskClient.form("title", "CSRF 测试"));
    assertEquals(403, missing.statusCode());
    var foreign =
        alice.postRaw(
            "/editor/articles", DeskClient.form("title", "CSRF 测试", "_csrf", other.csrf()));
    assertEquals(403, foreign.statusCode());
    assertEquals(before, portal.database().queryOne("SELECT count(*) FROM articles"));
    DeskClient secondTab = DeskClient.withCookie(portal, alice.cookie);
    String token = secondTab.csrf();
    assertEquals(token, alice.csrf(), "every tab of one session shares the token");
    assertEquals(
        303,
        alice
            .postRaw("/editor/articles", DeskClient.form("title", "CSRF 测试", "_csrf", token))
            .statusCode());
  }

  @Test
  @DisplayName(
      "every desk route needs a session; account management needs an admin, also through odd paths")
  void roles() throws Exception {
    DeskClient editor = DeskClient.login(portal, "alice");
    DeskClient admin = DeskClient.login(portal, "root");
    String[] pages = {
      "/editor",
      "/editor/articles",
      "/editor/articles/new",
      "/editor/stations",
      "/editor/stations/new",
      "/editor/stations/import",
      "/editor/reports",
      "/editor/audit",
      "/editor/users",
      "/editor/articles/1/edit",
      "/editor/articles/1/revisions",
      "/editor/stations/1/edit"
    };
    for (String uri : pages) {
      var anon = portal.client().get(uri).send().await(20, TimeUnit.SECONDS);
      assertEquals(303, anon.statusCode(), uri);
      assertEquals("/editor/login", anon.getHeader("Location"), uri);
      assertNull(anon.getHeader("Set-Cookie"), uri);
      int expected = uri.startsWith("/editor/users") ? 403 : uri.equals("/editor") ? 303 : 200;
      assertEquals(expected, editor.get(uri).statusCode(), "editor " + uri);
      assertEquals(expected == 403 ? 200 : expected, admin.get(uri).statusCode(), "admin " + uri);
    }
    String[] posts = {
      "/editor/articles",
      "/editor/articles/1",
      "/editor/articles/1/publish",
      "/editor/logout",
      "/editor/stations",
      "/editor/reports/1",
      "/editor/users",
      "/editor/stations/import"
    };
    for (String uri : posts) {
      var anon =
          portal
              .client()
              .post(uri)
              .sendForm(DeskClient.form("title", "x"))
              .await(20, TimeUnit.SECONDS);
      assertEquals(401, anon.statusCode(), uri);
    }
    assertEquals(403, editor.get("/editor/articles/../users").statusCode());
    assertEquals(403, editor.get("/editor//users").statusCode());
    assertEquals(
        403,
        editor
            .post(
                "/editor/users",
                DeskClient.form(
                    "login", "mallory", "role", "admin", "password", "a long enough password"))
            .statusCode());
    assertEquals(
        "0", portal.database().queryOne("SELECT count(*) FROM users WHERE login = 'mallory'"));
    assertEquals(
        303,
        admin
            .post(
                "/editor/users",
                DeskClient.form(
                    "login", "carol", "role", "editor", "password", "a long enough password"))
            .statusCode());
    assertEquals(
        "editor", portal.database().queryOne("SELECT role FROM users WHERE login = 'carol'"));
    DeskClient carol =
        DeskClient.withCookie(
            portal,
            DeskClient.sessionCookie(
                DeskClient.postLogin(portal, "carol", "a long enough password")));
    assertEquals(200, carol.get("/editor/articles").statusCode());
    String carolId = portal.database().queryOne("SELECT id FROM users WHERE login = 'carol'");
    assertEquals(
        303, admin.post("/editor/users/" + carolId + "/disable", DeskClient.form()).statusCode());
    assertEquals(
        303, carol.get("/editor/articles").statusCode(), "disabling ends the account's sessions");
    assertEquals(401, DeskClient.postLogin(portal, "carol", "a long enough password").statusCode());
  }

  @Test
  @DisplayName(
      "a contributor writes drafts but may not publish, schedule, unpublish or change stations: 403, nothing changed")
  void contributor() throws Exception {
    DeskClient writer = DeskClient.login(portal, "writer");
    var created = writer.post("/editor/articles", DeskClient.form("title", "撰稿人的草稿"));
    assertEquals(303, created.statusCode());
    String id = created.getHeader("Location").replaceAll("^/editor/articles/(\\d+)/edit.*$", "$1");
    assertFalse(writer.get("/editor/articles/" + id + "/edit").bodyAsString().contains("立即发布"));
    for (String action : new String[] {"publish", "unpublish", "schedule"}) {
      assertEquals(
          403,
          writer
              .post(
                  "/editor/articles/" + id + "/" + action,
                  DeskClient.form("at", "2099-01-01T08:00"))
              .statusCode(),
          action);
    }
    assertEquals(
        "draft", portal.database().queryOne("SELECT status FROM articles WHERE id = " + id));
    String station = portal.database().queryOne("SELECT id FROM stations ORDER BY id LIMIT 1");
    assertEquals(200, writer.get("/editor/stations").statusCode());
    assertEquals(
        403,
        writer
            .post("/editor/stations/" + station + "/status", DeskClient.form("status", "closed"))
            .statusCode());
    assertEquals(403, writer.post("/editor/stations/import", DeskClient.form()).statusCode());
    assertEquals(403, writer.get("/editor/users").statusCode());
    assertEquals(
        "active", portal.database().queryOne("SELECT status FROM stations WHERE id = " + station));
  }

  @Test
  @DisplayName(
      "logging in again from the same browser replaces its session: the old id stops working")
  void reloginReplacesSession() throws Exception {
    DeskClient first = DeskClient.login(portal, "alice");
    var again =
        portal
            .client()
            .post("/editor/login")
            .putHeader("Cookie", Sessions.COOKIE + "=" + first.cookie)
            .sendForm(DeskClient.form("login", "alice", "password", DeskClient.PASSWORD))
            .await(30, TimeUnit.SECONDS);
    assertEquals(303, again.statusCode());
    assertNotEquals(first.cookie, DeskClient.sessionCookie(again));
    assertEquals(303, first.get("/editor/articles").statusCode());
  }

  @Test
  @DisplayName(
      "desk pages load their CSS from a file and carry no inline script or style (the CSP forbids them)")
  void noInlineCode() throws Exception {
    DeskClient admin = DeskClient.login(portal, "root");
    for (String uri :
        new String[] {
          "/editor/articles",
          "/editor/articles/new",
          "/editor/stations",
          "/editor/stations/new",
          "/editor/stations/import",
          "/editor/reports",
          "/editor/audit",
          "/editor/users",
          "/editor/login"
        }) {
      var r =
          uri.equals("/editor/login")
              ? portal.client().get(uri).send().await(20, TimeUnit.SECONDS)
              : admin.get(uri);
      String html = r.bodyAsString();
      assertTrue(html.matches("(?s).*/static/[0-9a-f]{12}/css/editor\\.css.*"), uri);
      assertFalse(html.matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), "inline script on " + uri);
      assertFalse(html.contains(" style="), "inline style on " + uri);
      assertEquals("no-store", r.getHeader("Cache-Control"), uri);
    }
  }

  @Test
  @DisplayName("readers get no cookie anywhere outside the desk, the login page included")
  void readersGetNoCookie() throws Exception {
    for (String uri : new String[] {"/", "/news", "/stations", "/editor/login"}) {
      var r = portal.client().get(uri).send().await(20, TimeUnit.SECONDS);
      assertEquals(200, r.statusCode(), uri);
      assertNull(r.getHeader("Set-Cookie"), uri);
    }
  }
}

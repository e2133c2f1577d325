package cn.shegong.portal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.RawHttp;
import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Anonymous and login request bodies are bounded to 16 KB before they are read")
class DeskBodyLimitTest {
  static final String FORM = "Content-Type: application/x-www-form-urlencoded\r\n";
  static TestPortal portal;
  static DeskClient alice;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    // the machine is shared and loaded: a generous wait for a pooled connection
    portal =
        TestPortal.create(vertx, java.util.Map.of("PORTAL_DB_CONNECT_TIMEOUT_MS", "20000"))
            .start()
            .await(3, TimeUnit.MINUTES);
    DeskClient.addUser(portal.database(), "alice", "editor");
    alice = DeskClient.login(portal, "alice");
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static String head(String method, String path, String headers) {
    return method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "\r\n";
  }

  @Test
  @DisplayName("a login declaring a 2 MB body is answered 413 in Chinese before the body is sent")
  void declaredLogin() throws Exception {
    try (RawHttp c = RawHttp.connect(portal.port())) {
      c.send(
          head("POST", "/editor/login", FORM + "Content-Length: 2097152\r\n")
              + "login=alice&password="
              + "x".repeat(1000));
      assertEquals(413, c.statusWithin(20_000), c.received());
      c.readFor(1000);
      assertTrue(c.received().contains("过大"), c.received());
    }
  }

  @Test
  @DisplayName("a chunked login body is cut off at 16 KB with a 413")
  void chunkedLogin() throws Exception {
    try (RawHttp c = RawHttp.connect(portal.port())) {
      c.send(head("POST", "/editor/login", FORM + "Transfer-Encoding: chunked\r\n"));
      // whole fields of about 1 KB: the form decoder would refuse one endless field by itself (400)
      String kb = "k=" + "p".repeat(1020) + "&";
      int sent = 0;
      int status = -1;
      while (sent < 256 && status < 0) {
        if (!c.send(Integer.toHexString(kb.length()) + "\r\n" + kb + "\r\n")) break;
        sent++;
        if (sent % 8 == 0) status = c.statusWithin(200);
      }
      if (status < 0) status = c.statusWithin(20_000);
      assertEquals(413, status, "after " + sent + " KB: " + c.received());
      assertTrue(sent <= 128, "the server read " + sent + " KB before refusing");
    }
  }

  @Test
  @DisplayName(
      "an anonymous editor API call declaring 1 MB, with or without a made-up token, is refused with a 413 JSON error")
  void anonymousApi() throws Exception {
    for (String auth : new String[] {"", "Authorization: Bearer sgt_madeup\r\n"}) {
      try (RawHttp c = RawHttp.connect(portal.port())) {
        c.send(
            head(
                    "POST",
                    "/api/editor/articles",
                    "Content-Type: application/json\r\n" + auth + "Content-Length: 1048576\r\n")
                + "{\"title\":\"");
        assertEquals(413, c.statusWithin(20_000), c.received());
        c.readFor(1000);
        assertTrue(c.received().contains("\"status\":413"), c.received());
      }
    }
  }

  @Test
  @DisplayName("sixty anonymous 2 MB logins at once all get 413 and /health still answers")
  void sixtyAtOnce() throws Exception {
    List<RawHttp> clients = new ArrayList<>();
    try {
      String chunk = "x".repeat(64 * 1024);
      for (int i = 0; i < 60; i++) {
        RawHttp c = RawHttp.connect(portal.port());
        clients.add(c);
        c.send(
            head("POST", "/editor/login", FORM + "Content-Length: 2097152\r\n")
                + "login=a&password="
                + chunk);
      }
      for (RawHttp c : clients) assertEquals(413, c.statusWithin(30_000), c.received());
      assertEquals(
          200, portal.client().get("/health").send().await(10, TimeUnit.SECONDS).statusCode());
    } finally {
      for (RawHttp c : clients) c.close();
    }
  }

  @Test
  @DisplayName(
      "a signed-in editor still saves a 300 KB article (the form limit is 2 MB for the desk)")
  void signedInKeepsFormLimit() throws Exception {
    String body = "社会工作者走进社区，倾听居民的需要。".repeat(6000);
    var r =
        alice.post(
            "/editor/articles",
            DeskClient.form(
                "title", "长文", "body", body, "date", "2025-03-01", "date_precision", "day"));
    assertEquals(303, r.statusCode(), r.bodyAsString());
  }

  @Test
  @DisplayName("a made-up session cookie does not earn the larger limit")
  void madeUpCookie() throws Exception {
    try (RawHttp c = RawHttp.connect(portal.port())) {
      c.send(
          head(
                  "POST",
                  "/editor/articles",
                  FORM
                      + "Cookie: "
                      + Sessions.COOKIE
                      + "=made-up\r\n"
                      + "Content-Length: 1048576\r\n")
              + "title=x&body=");
      assertEquals(413, c.statusWithin(20_000), c.received());
    }
  }

  @Test
  @DisplayName(
      "public posts are small too: the report form declaring 2 MB gets 413, a post to a page route an answer at once")
  void publicPosts() throws Exception {
    try (RawHttp c = RawHttp.connect(portal.port())) {
      c.send(
          head(
                  "POST",
                  "/stations/jiading-jiangqiao-psych-station/report",
                  FORM + "Content-Length: 2097152\r\n")
              + "field=");
      assertEquals(413, c.statusWithin(20_000), c.received());
    }
    try (RawHttp c = RawHttp.connect(portal.port())) {
      c.send(head("POST", "/news", FORM + "Content-Length: 2097152\r\n") + "q=");
      int status = c.statusWithin(20_000);
      assertTrue(status >= 400 && status < 500, status + " " + c.received());
    }
  }
}

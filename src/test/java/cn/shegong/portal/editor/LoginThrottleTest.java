package cn.shegong.portal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Login throttling behind a trusted proxy, and cookies under TLS")
class LoginThrottleTest {
  static TestPortal portal;
  static TestPortal second;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    Map<String, String> env = Map.of("PORTAL_TRUSTED_PROXIES", "127.0.0.1", "PORTAL_TLS", "true");
    portal = TestPortal.create(vertx, env).start().await(2, TimeUnit.MINUTES);
    second = TestPortal.forDatabase(vertx, portal.database(), portal.indexDir().resolveSibling(
        portal.indexDir().getFileName() + "-second"), env).start().await(2, TimeUnit.MINUTES);
    for (String login : new String[] {"alice", "bob", "carol"}) DeskClient.addUser(portal.database(), login, "editor");
  }

  @AfterAll
  static void stop() throws Exception {
    second.stop().await(1, TimeUnit.MINUTES);
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  private static HttpResponse<Buffer> attempt(TestPortal p, String forwardedFor, String login, String password)
      throws Exception {
    return p.client().post("/editor/login").putHeader("X-Forwarded-For", forwardedFor)
        .sendForm(MultiMap.caseInsensitiveMultiMap().add("login", login).add("password", password))
        .await(30, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("ten failures on one account, from many addresses and two processes, lock it: 429 with Retry-After")
  void perAccount() throws Exception {
    for (int i = 0; i < 10; i++) {
      var r = attempt(i % 2 == 0 ? portal : second, "203.0.113." + (10 + i), "alice", "wrong password " + i);
      assertEquals(401, r.statusCode(), "attempt " + i);
    }
    var locked = attempt(portal, "198.51.100.7", "alice", DeskClient.PASSWORD);
    assertEquals(429, locked.statusCode(), "even the right password waits");
    long retry = Long.parseLong(locked.getHeader("Retry-After"));
    assertTrue(retry > 60 && retry <= 900, "Retry-After " + retry);
    assertTrue(locked.bodyAsString().contains("尝试次数过多"));
    assertEquals(429, attempt(second, "198.51.100.8", "ALICE", DeskClient.PASSWORD).statusCode(), "shared, case-blind");
    assertEquals(303, attempt(portal, "198.51.100.9", "bob", DeskClient.PASSWORD).statusCode(), "other accounts unaffected");
  }

  @Test
  @DisplayName("ten failures from one client address lock that address for every account")
  void perAddress() throws Exception {
    for (int i = 0; i < 10; i++) {
      assertEquals(401, attempt(portal, "192.0.2.44", "nosuchuser" + i, "guess").statusCode(), "attempt " + i);
    }
    assertEquals(429, attempt(portal, "192.0.2.44", "carol", DeskClient.PASSWORD).statusCode());
    assertEquals(303, attempt(portal, "192.0.2.45", "carol", DeskClient.PASSWORD).statusCode());
  }

  @Test
  @DisplayName("with PORTAL_TLS=true the session cookie is Secure; the session works on the other process too")
  void secureCookie() throws Exception {
    var r = attempt(portal, "192.0.2.80", "bob", DeskClient.PASSWORD);
    assertEquals(303, r.statusCode());
    assertTrue(r.cookies().get(0).contains("Secure"), r.cookies().get(0));
    DeskClient elsewhere = DeskClient.withCookie(second, DeskClient.sessionCookie(r));
    assertEquals(200, elsewhere.get("/editor/articles").statusCode());
    String token = DeskClient.withCookie(portal, elsewhere.cookie).csrf();
    var created = elsewhere.postRaw("/editor/articles", DeskClient.form("title", "两个进程", "_csrf", token));
    assertEquals(303, created.statusCode(), "a token from one process is accepted by the other");
  }
}

package cn.shegong.portal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName(
    "Login throttling behind a trusted proxy: reserved attempts, growing delays, no lock-out; cookies under TLS")
class LoginThrottleTest {
  static TestPortal portal;
  static TestPortal second;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    Map<String, String> env =
        Map.of(
            "PORTAL_TRUSTED_PROXIES",
            "127.0.0.1",
            "PORTAL_TLS",
            "true",
            "PORTAL_DB_CONNECT_TIMEOUT_MS",
            "30000");
    portal = TestPortal.create(vertx, env).start().await(2, TimeUnit.MINUTES);
    second =
        TestPortal.forDatabase(
                vertx,
                portal.database(),
                portal.indexDir().resolveSibling(portal.indexDir().getFileName() + "-second"),
                env)
            .start()
            .await(2, TimeUnit.MINUTES);
    for (String login : new String[] {"alice", "bob", "carol", "dave", "erin"}) {
      DeskClient.addUser(portal.database(), login, "editor");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    second.stop().await(1, TimeUnit.MINUTES);
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static HttpResponse<Buffer> attempt(
      TestPortal p, String forwardedFor, String login, String password) throws Exception {
    return p.client()
        .post("/editor/login")
        .putHeader("X-Forwarded-For", forwardedFor)
        .sendForm(MultiMap.caseInsensitiveMultiMap().add("login", login).add("password", password))
        .await(60, TimeUnit.SECONDS);
  }

  static long retryAfter(HttpResponse<Buffer> r) {
    return Long.parseLong(r.getHeader("Retry-After"));
  }

  @Test
  @DisplayName(
      "100 concurrent sign-ins for one account (99 wrong, the right one last) check at most 10 passwords")
  void concurrentGuesses(Vertx vertx) throws Exception {
    WebClient wide =
        WebClient.create(
            vertx,
            new WebClientOptions()
                .setDefaultHost("localhost")
                .setDefaultPort(portal.port())
                .setFollowRedirects(false),
            new PoolOptions().setHttp1MaxSize(100));
    List<Future<HttpResponse<Buffer>>> all = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String password = i == 99 ? DeskClient.PASSWORD : "wrong guess " + i;
      all.add(
          wide.post("/editor/login")
              .putHeader("X-Forwarded-For", "10.1." + (i / 50) + "." + (i % 50 + 1))
              .sendForm(
                  MultiMap.caseInsensitiveMultiMap()
                      .add("login", "dave")
                      .add("password", password)));
    }
    Future.join(all).await(3, TimeUnit.MINUTES);
    int checked = 0;
    int throttled = 0;
    int busy = 0;
    long wait = 1;
    for (var f : all) {
      int status = f.result().statusCode();
      if (status == 401 || status == 303) checked++;
      if (status == 503)
        busy++; // the desk's small pool sheds a flood before any password is checked
      if (status == 429) {
        throttled++;
        wait = Math.max(wait, retryAfter(f.result()));
        assertTrue(f.result().bodyAsString().contains("尝试次数过多"));
      }
    }
    wide.close();
    assertTrue(checked <= 10, "passwords checked: " + checked);
    assertEquals(100, checked + throttled + busy);
    assertTrue(throttled > 0, "throttled: " + throttled + ", busy: " + busy);
    assertTrue(wait >= 1 && wait <= 60, "Retry-After " + wait);
    Thread.sleep(TimeUnit.SECONDS.toMillis(wait));
    var late = attempt(portal, "198.51.100.60", "dave", DeskClient.PASSWORD);
    if (late.statusCode() == 429) {
      Thread.sleep(TimeUnit.SECONDS.toMillis(retryAfter(late)));
      late = attempt(portal, "198.51.100.61", "dave", DeskClient.PASSWORD);
    }
    assertEquals(303, late.statusCode(), "the right password gets in after the delay");
  }

  @Test
  @DisplayName(
      "wrong guesses on one account, from many addresses and two processes, slow it down by seconds: 429 with Retry-After")
  void perAccount() throws Exception {
    for (int i = 0; i < 5; i++) {
      var r =
          attempt(
              i % 2 == 0 ? portal : second,
              "203.0.113." + (10 + i),
              "alice",
              "wrong password " + i);
      assertEquals(401, r.statusCode(), "free attempt " + i);
    }
    HttpResponse<Buffer> slowed = null;
    for (int i = 5; i < 25; i++) {
      slowed =
          attempt(
              i % 2 == 0 ? portal : second,
              "203.0.113." + (10 + i),
              "alice",
              "wrong password " + i);
      assertTrue(
          slowed.statusCode() == 401 || slowed.statusCode() == 429,
          "attempt " + i + ": " + slowed.statusCode());
      if (slowed.statusCode() == 429 && retryAfter(slowed) >= 4) break;
      if (slowed.statusCode() == 429) Thread.sleep(TimeUnit.SECONDS.toMillis(retryAfter(slowed)));
    }
    assertEquals(429, slowed.statusCode(), "the delay grows to seconds within a few guesses");
    assertTrue(retryAfter(slowed) <= 60, "Retry-After " + retryAfter(slowed));
    assertTrue(slowed.bodyAsString().contains("尝试次数过多，请 "), slowed.bodyAsString());
    var right = attempt(portal, "198.51.100.7", "alice", DeskClient.PASSWORD);
    assertEquals(429, right.statusCode(), "even the right password waits its turn");
    assertEquals(
        429,
        attempt(second, "198.51.100.8", "ALICE", DeskClient.PASSWORD).statusCode(),
        "shared, case-blind");
    assertEquals(
        303,
        attempt(portal, "198.51.100.9", "bob", DeskClient.PASSWORD).statusCode(),
        "other accounts unaffected");
    Thread.sleep(TimeUnit.SECONDS.toMillis(retryAfter(right)) + 200);
    assertEquals(303, attempt(second, "198.51.100.10", "alice", DeskClient.PASSWORD).statusCode());
  }

  @Test
  @DisplayName(
      "after a burst of wrong guesses by someone else the owner gets in from a fresh address within a minute: no lock-out")
  void noLockOut() throws Exception {
    for (int i = 0; i < 30; i++) {
      int status =
          attempt(i % 2 == 0 ? portal : second, "203.0.113." + (100 + i), "erin", "guess " + i)
              .statusCode();
      assertTrue(status == 401 || status == 429, "guess " + i + ": " + status);
    }
    long t0 = System.nanoTime();
    var r = attempt(portal, "198.51.100.77", "erin", DeskClient.PASSWORD);
    for (int tries = 0; r.statusCode() == 429 && tries < 3; tries++) {
      long wait = retryAfter(r);
      assertTrue(wait <= 60, "a bounded delay, not a lock: Retry-After " + wait);
      Thread.sleep(TimeUnit.SECONDS.toMillis(wait));
      r = attempt(portal, "198.51.100.77", "erin", DeskClient.PASSWORD);
    }
    assertEquals(303, r.statusCode());
    assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(90));
    assertEquals(
        "0",
        portal.database().queryOne("SELECT count(*) FROM login_throttle WHERE key = 'login:erin'"),
        "a successful sign-in clears the account's count");
  }

  @Test
  @DisplayName(
      "ten failures from one client address hold that address back for every account, not the others")
  void perAddress() throws Exception {
    for (int i = 0; i < 10; i++) {
      assertEquals(
          401,
          attempt(portal, "192.0.2.44", "nosuchuser" + i, "guess").statusCode(),
          "attempt " + i);
    }
    var held = attempt(portal, "192.0.2.44", "carol", DeskClient.PASSWORD);
    assertEquals(429, held.statusCode());
    assertTrue(retryAfter(held) > 1 && retryAfter(held) <= 30, "Retry-After " + retryAfter(held));
    assertEquals(303, attempt(portal, "192.0.2.45", "carol", DeskClient.PASSWORD).statusCode());
    assertEquals(
        "0",
        portal.database().queryOne("SELECT count(*) FROM login_throttle WHERE key = 'login:carol'"),
        "an address held back costs the account nothing");
  }

  @Test
  @DisplayName(
      "a password over 1,024 characters is refused with 400 before the throttle and any hashing")
  void passwordCap() throws Exception {
    long t0 = System.nanoTime();
    var r = attempt(portal, "192.0.2.90", "bob", "x".repeat(10_000));
    assertEquals(400, r.statusCode());
    assertTrue(r.bodyAsString().contains("密码过长"), r.bodyAsString());
    var huge = attempt(portal, "192.0.2.91", "bob", "y".repeat(1024 * 1024));
    assertTrue(
        huge.statusCode() == 400 || huge.statusCode() == 413,
        "1 MB password: " + huge.statusCode());
    assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10));
    assertEquals(
        "0",
        portal
            .database()
            .queryOne(
                "SELECT count(*) FROM login_throttle WHERE key IN "
                    + "('addr:192.0.2.90', 'addr:192.0.2.91')"),
        "no attempt reserved, so no password hashed");
  }

  @Test
  @DisplayName(
      "with PORTAL_TLS=true the session cookie is Secure; the session works on the other process too")
  void secureCookie() throws Exception {
    var r = attempt(portal, "192.0.2.80", "bob", DeskClient.PASSWORD);
    assertEquals(303, r.statusCode());
    assertTrue(r.cookies().get(0).contains("Secure"), r.cookies().get(0));
    DeskClient elsewhere = DeskClient.withCookie(second, DeskClient.sessionCookie(r));
    assertEquals(200, elsewhere.get("/editor/articles").statusCode());
    String token = DeskClient.withCookie(portal, elsewhere.cookie).csrf();
    var created =
        elsewhere.postRaw("/editor/articles", DeskClient.form("title", "两个进程", "_csrf", token));
    assertEquals(303, created.statusCode(), "a token from one process is accepted by the other");
  }
}

package cn.shegong.portal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.shegong.portal.testing.TestDatabase;
import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed-in browser for desk tests: its session cookie, its CSRF token, forms posted through the
 * real router.
 */
final class DeskClient {
  static final String PASSWORD = "correct horse battery staple";

  /** Hashed once per JVM: 210,000 iterations are slow on purpose. */
  static final String HASH = PasswordHasher.hash(PASSWORD.toCharArray());

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  final TestPortal portal;
  final String cookie;

  private DeskClient(TestPortal portal, String cookie) {
    this.portal = portal;
    this.cookie = cookie;
  }

  static void addUser(TestDatabase db, String login, String role) {
    db.exec(
        "INSERT INTO users (login, password_hash, role) VALUES ('"
            + login
            + "', '"
            + HASH
            + "', '"
            + role
            + "')");
  }

  static HttpResponse<Buffer> postLogin(TestPortal portal, String login, String password)
      throws Exception {
    return portal
        .client()
        .post("/editor/login")
        .sendForm(MultiMap.caseInsensitiveMultiMap().add("login", login).add("password", password))
        .await(30, TimeUnit.SECONDS);
  }

  static DeskClient login(TestPortal portal, String login) throws Exception {
    HttpResponse<Buffer> r = postLogin(portal, login, PASSWORD);
    assertEquals(303, r.statusCode(), "login of " + login);
    return new DeskClient(portal, sessionCookie(r));
  }

  static DeskClient withCookie(TestPortal portal, String cookie) {
    return new DeskClient(portal, cookie);
  }

  static String sessionCookie(HttpResponse<Buffer> r) {
    for (String c : r.cookies()) {
      if (c.startsWith(Sessions.COOKIE + "="))
        return c.substring(Sessions.COOKIE.length() + 1, c.indexOf(';'));
    }
    throw new AssertionError("no session cookie in " + r.cookies());
  }

  HttpResponse<Buffer> get(String uri) throws Exception {
    return withSession(portal.client().get(uri)).send().await(30, TimeUnit.SECONDS);
  }

  /** The CSRF token from any desk page. */
  String csrf() throws Exception {
    Matcher m = CSRF.matcher(get("/editor/articles").bodyAsString());
    if (!m.find()) throw new AssertionError("no CSRF field on the desk");
    return m.group(1);
  }

  /** Posts a form with this session's CSRF token. */
  HttpResponse<Buffer> post(String uri, MultiMap form) throws Exception {
    return postRaw(uri, MultiMap.caseInsensitiveMultiMap().addAll(form).add("_csrf", csrf()));
  }

  HttpResponse<Buffer> postRaw(String uri, MultiMap form) throws Exception {
    return withSession(portal.client().post(uri)).sendForm(form).await(30, TimeUnit.SECONDS);
  }

  private HttpRequest<Buffer> withSession(HttpRequest<Buffer> req) {
    return req.putHeader("Cookie", Sessions.COOKIE + "=" + cookie);
  }

  static MultiMap form(String... pairs) {
    MultiMap m = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < pairs.length; i += 2) m.add(pairs[i], pairs[i + 1]);
    return m;
  }
}

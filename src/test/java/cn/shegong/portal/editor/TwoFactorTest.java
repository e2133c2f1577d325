package cn.shegong.portal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Two-factor sign-in (TOTP) with the real default PORTAL_REQUIRE_2FA=admin,editor")
class TwoFactorTest {
  static TestPortal portal;
  private static final Pattern SECRET =
      Pattern.compile("<code id=\"totp-secret\">([A-Z2-7]+)</code>");
  private static final Pattern RECOVERY = Pattern.compile("<li><code>([a-z0-9-]+)</code></li>");
  private static int address = 1;

  record Enrolled(String secret, List<String> recoveryCodes) {}

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    // the real default: the test portal's empty setting is removed
    portal =
        TestPortal.create(
                vertx,
                Map.of("PORTAL_REQUIRE_2FA", "admin,editor", "PORTAL_TRUSTED_PROXIES", "127.0.0.1"))
            .start()
            .await(2, TimeUnit.MINUTES);
    for (String login : new String[] {"ed", "rec", "slow", "victim", "replay"})
      DeskClient.addUser(portal.database(), login, "editor");
    DeskClient.addUser(portal.database(), "boss", "admin");
    DeskClient.addUser(portal.database(), "writer", "contributor");
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static String code(String secret, long offsetSteps) throws Exception {
    return new DefaultCodeGenerator()
        .generate(secret, Instant.now().getEpochSecond() / 30 + offsetSteps);
  }

  static HttpResponse<Buffer> password(String login) throws Exception {
    return portal
        .client()
        .post("/editor/login")
        .putHeader("X-Forwarded-For", "198.18.0." + (address++))
        .sendForm(DeskClient.form("login", login, "password", DeskClient.PASSWORD))
        .await(60, TimeUnit.SECONDS);
  }

  static String stepCookie(HttpResponse<Buffer> r) {
    for (String c : r.cookies()) {
      if (c.startsWith(SecondStepRoutes.COOKIE + "="))
        return c.substring(SecondStepRoutes.COOKIE.length() + 1, c.indexOf(';'));
    }
    throw new AssertionError("no challenge cookie in " + r.cookies());
  }

  static HttpResponse<Buffer> secondStep(String challenge, String code, String from)
      throws Exception {
    return portal
        .client()
        .post(SecondStepRoutes.CODE)
        .putHeader("X-Forwarded-For", from)
        .putHeader("Cookie", SecondStepRoutes.COOKIE + "=" + challenge)
        .sendForm(DeskClient.form("code", code))
        .await(60, TimeUnit.SECONDS);
  }

  /**
   * The whole enrolment as a browser does it: the secret read from the page, the first code from
   * the library.
   */
  static Enrolled enrol(String login) throws Exception {
    DeskClient desk = DeskClient.withCookie(portal, DeskClient.sessionCookie(password(login)));
    String page = desk.get(EnrolmentRoutes.ENROL).bodyAsString();
    Matcher m = SECRET.matcher(page);
    assertTrue(m.find(), page);
    String secret = m.group(1);
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    assertTrue(csrf.find());
    var done =
        desk.postRaw(
            EnrolmentRoutes.ENROL,
            DeskClient.form("code", code(secret, 0), "_csrf", csrf.group(1)));
    assertEquals(200, done.statusCode(), done.bodyAsString());
    List<String> codes = new ArrayList<>();
    Matcher r = RECOVERY.matcher(done.bodyAsString());
    while (r.find()) codes.add(r.group(1));
    return new Enrolled(secret, codes);
  }

  @Test
  @DisplayName(
      "an editor without a second factor sees only the enrolment page (QR code drawn by the server); the API refuses its token")
  void enrolmentFirst() throws Exception {
    var signedIn = password("ed");
    assertEquals(303, signedIn.statusCode());
    DeskClient ed = DeskClient.withCookie(portal, DeskClient.sessionCookie(signedIn));
    var articles = ed.get("/editor/articles");
    assertEquals(303, articles.statusCode());
    assertEquals(EnrolmentRoutes.ENROL, articles.getHeader("Location"));
    String page = ed.get(EnrolmentRoutes.ENROL).bodyAsString();
    assertTrue(
        page.contains("<svg") && page.contains("<path fill=\"#000\" d=\"M"),
        "QR code inline as SVG");
    assertFalse(page.contains("otpauth://"), "the URI is only in the QR code");
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    assertTrue(csrf.find());
    assertEquals(
        403,
        ed.postRaw("/editor/articles", DeskClient.form("title", "未启用", "_csrf", csrf.group(1)))
            .statusCode());
    String token = tokenFor("ed");
    var api =
        portal
            .client()
            .get("/api/editor/articles")
            .putHeader("Authorization", "Bearer " + token)
            .send()
            .await(30, TimeUnit.SECONDS);
    assertEquals(403, api.statusCode());
    assertTrue(api.bodyAsString().contains("两步验证"), api.bodyAsString());
    var writer = DeskClient.withCookie(portal, DeskClient.sessionCookie(password("writer")));
    assertEquals(
        200, writer.get("/editor/articles").statusCode(), "contributors are not required to enrol");
  }

  static String tokenFor(String login) {
    var out = new ByteArrayOutputStream();
    TokenCommand.run(
        portal.config(),
        new String[] {"create", login},
        new PrintStream(out, true, StandardCharsets.UTF_8));
    String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
    return lines[lines.length - 1];
  }

  @Test
  @DisplayName(
      "enrolment with a code from the library's generator shows ten recovery codes once, stored hashed; then the desk opens")
  void enrolment() throws Exception {
    Enrolled e = enrol("rec");
    assertEquals(10, e.recoveryCodes().size());
    String id = portal.database().queryOne("SELECT id FROM users WHERE login = 'rec'");
    assertEquals(
        "10",
        portal.database().queryOne("SELECT count(*) FROM recovery_codes WHERE user_id = " + id));
    assertEquals(
        "0",
        portal
            .database()
            .queryOne(
                "SELECT count(*) FROM recovery_codes WHERE code_hash = '"
                    + e.recoveryCodes().get(0)
                    + "'"));
    assertEquals(
        "1",
        portal
            .database()
            .queryOne(
                "SELECT count(*) FROM audit_log WHERE action = '2fa.enrol' AND entity_id = " + id));
    var first = password("rec");
    assertEquals(
        SecondStepRoutes.CODE, first.getHeader("Location"), "the password alone is not enough now");
    assertTrue(first.cookies().stream().noneMatch(c -> c.startsWith(Sessions.COOKIE + "=")));
    var in = secondStep(stepCookie(first), e.recoveryCodes().get(0).toUpperCase(), "198.18.1.1");
    assertEquals(303, in.statusCode(), "a recovery code works");
    assertEquals(
        200,
        DeskClient.withCookie(portal, DeskClient.sessionCookie(in))
            .get("/editor/articles")
            .statusCode());
    var again = secondStep(stepCookie(password("rec")), e.recoveryCodes().get(0), "198.18.1.2");
    assertEquals(401, again.statusCode(), "… once only");
    assertTrue(again.bodyAsString().contains(SecondStepRoutes.BAD_CODE));
  }

  @Test
  @DisplayName(
      "sign-in with a code from the library's generator works; the same code again (same time step) is refused")
  void replay() throws Exception {
    Enrolled e = enrol("replay");
    Thread.sleep(100);
    String next = code(e.secret(), 1);
    var in = secondStep(stepCookie(password("replay")), next, "198.18.2.1");
    assertEquals(303, in.statusCode(), "the next step's code, within the allowed drift");
    assertEquals("/editor", in.getHeader("Location"));
    var replayed = secondStep(stepCookie(password("replay")), next, "198.18.2.2");
    assertEquals(401, replayed.statusCode(), "a replayed code is refused");
    var older = secondStep(stepCookie(password("replay")), code(e.secret(), 0), "198.18.2.3");
    assertEquals(401, older.statusCode(), "so is an earlier step's code once a later one was used");
  }

  @Test
  @DisplayName(
      "the second step is throttled like the password step: wrong codes earn a growing delay, 429 with Retry-After")
  void throttled() throws Exception {
    Enrolled e = enrol("slow");
    String challenge = stepCookie(password("slow"));
    HttpResponse<Buffer> r = null;
    for (int i = 0; i < 20; i++) {
      r = secondStep(challenge, String.format("%06d", i), "198.18.3." + (i + 1));
      assertTrue(
          r.statusCode() == 401 || r.statusCode() == 429, "code " + i + ": " + r.statusCode());
      if (r.statusCode() == 429 && Long.parseLong(r.getHeader("Retry-After")) >= 4) break;
      if (r.statusCode() == 429)
        Thread.sleep(TimeUnit.SECONDS.toMillis(Long.parseLong(r.getHeader("Retry-After"))));
    }
    assertEquals(429, r.statusCode());
    assertTrue(r.bodyAsString().contains("尝试次数过多"));
    assertEquals(
        429,
        secondStep(challenge, code(e.secret(), 1), "198.18.3.99").statusCode(),
        "even the right code waits");
    Thread.sleep(TimeUnit.SECONDS.toMillis(Long.parseLong(r.getHeader("Retry-After"))) + 300);
    assertEquals(303, secondStep(challenge, code(e.secret(), 1), "198.18.3.100").statusCode());
  }

  @Test
  @DisplayName(
      "an admin resets a user's second factor from the accounts page, audited; the user must enrol again")
  void adminReset() throws Exception {
    Enrolled boss = enrol("boss");
    enrol("victim");
    var in = secondStep(stepCookie(password("boss")), code(boss.secret(), 1), "198.18.4.1");
    DeskClient admin = DeskClient.withCookie(portal, DeskClient.sessionCookie(in));
    String id = portal.database().queryOne("SELECT id FROM users WHERE login = 'victim'");
    assertTrue(
        admin.get("/editor/users").bodyAsString().contains("/editor/users/" + id + "/2fa/reset"));
    assertEquals(
        303, admin.post("/editor/users/" + id + "/2fa/reset", DeskClient.form()).statusCode());
    assertEquals(
        "boss",
        portal
            .database()
            .queryOne(
                "SELECT actor FROM audit_log WHERE action = '2fa.reset' AND entity_id = " + id));
    assertEquals(
        "0", portal.database().queryOne("SELECT count(*) FROM user_totp WHERE user_id = " + id));
    var victim = DeskClient.withCookie(portal, DeskClient.sessionCookie(password("victim")));
    assertEquals(EnrolmentRoutes.ENROL, victim.get("/editor/articles").getHeader("Location"));
  }

  @Test
  @DisplayName(
      "./portal user add LOGIN --role editor --totp prints an otpauth:// URI whose secret signs in")
  void commandLine() throws Exception {
    var out = new ByteArrayOutputStream();
    InputStream stdin = System.in;
    try {
      System.setIn(
          new ByteArrayInputStream((DeskClient.PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
      assertEquals(
          0,
          UserCommand.run(
              portal.config(),
              new String[] {"add", "cli", "--role", "editor", "--totp"},
              new PrintStream(out, true, StandardCharsets.UTF_8)));
    } finally {
      System.setIn(stdin);
    }
    Matcher uri =
        Pattern.compile("otpauth://totp/[^\\s]*secret=([A-Z2-7]+)[^\\s]*")
            .matcher(out.toString(StandardCharsets.UTF_8));
    assertTrue(uri.find(), out.toString(StandardCharsets.UTF_8));
    var in = secondStep(stepCookie(password("cli")), code(uri.group(1), 0), "198.18.5.1");
    assertEquals(303, in.statusCode());
    assertEquals(
        200,
        DeskClient.withCookie(portal, DeskClient.sessionCookie(in))
            .get("/editor/articles")
            .statusCode());
  }
}

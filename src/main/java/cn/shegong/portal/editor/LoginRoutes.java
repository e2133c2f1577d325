package cn.shegong.portal.editor;

import cn.shegong.portal.common.ClientAddress;
import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.web.Portal;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Tuple;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Sign in and out. An unknown login and a wrong password get the same answer after the same work:
 * an unknown login is checked against a dummy hash.
 */
final class LoginRoutes {
  static final String BAD_LOGIN = "登录名或密码不正确。";

  /**
   * Longer passwords are refused before the throttle and any hashing: a huge one costs memory in
   * every copy.
   */
  static final int MAX_PASSWORD = 1024;

  static final String TOO_LONG = "密码过长（最多 " + MAX_PASSWORD + " 个字符）。";

  private record Account(long id, String hash, boolean disabled, boolean secondFactor) {}

  private static final class Dummy {
    static final String HASH =
        PasswordHasher.hash("not-a-real-password-only-for-timing".toCharArray());
  }

  private final Portal portal;
  private final Sessions sessions;
  private final LoginThrottle throttle;
  private final SecondStepRoutes secondStep;

  LoginRoutes(Portal portal, Sessions sessions) {
    this.portal = portal;
    this.sessions = sessions;
    this.throttle = new LoginThrottle(portal.deskPool());
    this.secondStep = new SecondStepRoutes(portal, this, throttle);
  }

  void mount(DeskRouter desk) {
    // computed now, off the event loop, so the first unknown login takes no longer than any other
    portal.vertx().executeBlocking(() -> Dummy.HASH, false);
    desk.open(HttpMethod.GET, DeskAuth.LOGIN).handler(ctx -> page(ctx, 200, "", ""));
    desk.open(HttpMethod.POST, DeskAuth.LOGIN).handler(this::login);
    desk.post("/editor/logout", Permission.VIEW_DESK).handler(this::logout);
    secondStep.mount(desk);
  }

  void page(RoutingContext ctx, int status, String login, String message) {
    portal
        .pages()
        .render(ctx, status, "editor/login.ftlh", Map.of("login", login, "message", message))
        .onFailure(ctx::fail);
  }

  private void login(RoutingContext ctx) {
    if (!sameOrigin(ctx)) {
      ctx.fail(new HttpError(403, "登录请求来自其他网站，已拒绝。"));
      return;
    }
    String login = Desk.form(ctx, "login");
    String raw = ctx.request().getFormAttribute("password");
    if (raw != null && raw.length() > MAX_PASSWORD) {
      page(ctx, 400, login, TOO_LONG);
      return;
    }
    char[] password = (raw == null ? "" : raw).toCharArray();
    String address =
        LoginThrottle.addressKey(ClientAddress.of(ctx, portal.config().trustedProxies()));
    String account = LoginThrottle.accountKey(login);
    throttle
        .reserve(address, account)
        .compose(
            wait -> {
              if (wait > 0) {
                tooMany(ctx, wait, p -> page(ctx, 429, login, p));
                return Future.succeededFuture();
              }
              return account(login)
                  .compose(
                      acc ->
                          portal
                              .vertx()
                              .executeBlocking(
                                  () ->
                                      PasswordHasher.verify(
                                              password, acc.map(Account::hash).orElse(Dummy.HASH))
                                          && acc.isPresent()
                                          && !acc.get().disabled(),
                                  false)
                              .compose(
                                  ok ->
                                      ok
                                          ? succeed(ctx, login, acc.get(), address, account)
                                          : throttle
                                              .penalise(address, account)
                                              .onSuccess(v -> page(ctx, 401, login, BAD_LOGIN))));
            })
        .onFailure(ctx::fail);
  }

  /** 429 with Retry-After and the wait in words. */
  static void tooMany(RoutingContext ctx, long seconds, java.util.function.Consumer<String> page) {
    ctx.response().putHeader("Retry-After", String.valueOf(seconds));
    String wait = seconds < 120 ? seconds + " 秒" : (seconds + 59) / 60 + " 分钟";
    page.accept("尝试次数过多，请 " + wait + "后再试。");
  }

  private Future<Optional<Account>> account(String login) {
    if (login.isEmpty() || login.length() > 64) return Future.succeededFuture(Optional.empty());
    return portal
        .deskPool()
        .preparedQuery(
            "SELECT id, password_hash, disabled, EXISTS (SELECT 1 FROM user_totp t "
                + "WHERE t.user_id = users.id AND t.enabled_at IS NOT NULL) AS second_factor FROM users WHERE login = $1")
        .execute(Tuple.of(login))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(rows.iterator().next())
                        .map(
                            r ->
                                new Account(
                                    r.getLong("id"),
                                    r.getString("password_hash"),
                                    r.getBoolean("disabled"),
                                    r.getBoolean("second_factor"))));
  }

  private Future<Void> succeed(
      RoutingContext ctx, String login, Account acc, String address, String account) {
    Future<Void> passed = throttle.passed(address, account);
    if (acc.secondFactor()) return passed.compose(v -> secondStep.challenge(ctx, acc.id()));
    return passed.compose(v -> signIn(ctx, acc.id(), login, "password"));
  }

  /**
   * A new session for the account (a fresh id at every sign-in; any session this browser held
   * before ends).
   */
  Future<Void> signIn(RoutingContext ctx, long userId, String login, String how) {
    var previous = ctx.request().getCookie(Sessions.COOKIE);
    Future<Void> endPrevious =
        previous == null
            ? Future.succeededFuture()
            : sessions.delete(Secrets.sha256Hex(previous.getValue()));
    return endPrevious
        .compose(v -> sessions.create(userId))
        .compose(
            raw ->
                AuditLog.record(
                        portal.deskPool(),
                        login,
                        "login",
                        "user",
                        userId,
                        new JsonObject().put("with", how))
                    .onSuccess(
                        v -> {
                          ctx.response().addCookie(sessions.cookie(raw));
                          Desk.redirect(ctx, "/editor");
                        }));
  }

  private void logout(RoutingContext ctx) {
    DeskSession s = Desk.session(ctx);
    sessions
        .delete(s.idHash())
        .compose(
            v ->
                AuditLog.record(
                    portal.deskPool(), s.user().login(), "logout", "user", s.user().id(), null))
        .onSuccess(
            v -> {
              ctx.response().addCookie(sessions.expiredCookie());
              Desk.redirect(ctx, DeskAuth.LOGIN);
            })
        .onFailure(ctx::fail);
  }

  /**
   * There is no session yet to bind a CSRF token to, so a login posted from another site is refused
   * by origin.
   */
  static boolean sameOrigin(RoutingContext ctx) {
    String origin = ctx.request().getHeader("Origin");
    if (origin == null || origin.isBlank()) return true;
    try {
      URI o = URI.create(origin);
      String host = ctx.request().authority() == null ? null : ctx.request().authority().host();
      return o.getHost() != null && o.getHost().equalsIgnoreCase(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}

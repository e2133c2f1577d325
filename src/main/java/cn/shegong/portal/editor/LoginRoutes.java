package cn.shegong.portal.editor;

import cn.shegong.portal.web.Portal;
import cn.shegong.portal.common.ClientAddress;
import cn.shegong.portal.common.HttpError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Tuple;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sign in and out. An unknown login and a wrong password get the same answer after the same work: an
 * unknown login is checked against a dummy hash.
 */
final class LoginRoutes {
  static final String BAD_LOGIN = "登录名或密码不正确。";

  private record Account(long id, String hash, boolean disabled) {}

  private static final class Dummy {
    static final String HASH = PasswordHasher.hash("not-a-real-password-only-for-timing".toCharArray());
  }

  private final Portal portal;
  private final Sessions sessions;
  private final LoginThrottle throttle;

  LoginRoutes(Portal portal, Sessions sessions) {
    this.portal = portal;
    this.sessions = sessions;
    this.throttle = new LoginThrottle(portal.deskPool());
  }

  void mount(DeskRouter desk) {
    // computed now, off the event loop, so the first unknown login takes no longer than any other
    portal.vertx().executeBlocking(() -> Dummy.HASH, false);
    desk.open(HttpMethod.GET, DeskAuth.LOGIN).handler(ctx -> page(ctx, 200, "", ""));
    desk.open(HttpMethod.POST, DeskAuth.LOGIN).handler(this::login);
    desk.post("/editor/logout", Permission.VIEW_DESK).handler(this::logout);
  }

  private void page(RoutingContext ctx, int status, String login, String message) {
    portal.pages().render(ctx, status, "editor/login.ftlh", Map.of("login", login, "message", message))
        .onFailure(ctx::fail);
  }

  private void login(RoutingContext ctx) {
    if (!sameOrigin(ctx)) {
      ctx.fail(new HttpError(403, "登录请求来自其他网站，已拒绝。"));
      return;
    }
    String login = Desk.form(ctx, "login");
    char[] password = Desk.form(ctx, "password").toCharArray();
    List<String> keys = List.of(LoginThrottle.accountKey(login),
        LoginThrottle.addressKey(ClientAddress.of(ctx, portal.config().trustedProxies())));
    throttle.retryAfter(keys)
        .compose(wait -> {
          if (wait > 0) {
            ctx.response().putHeader("Retry-After", String.valueOf(wait));
            page(ctx, 429, login, "尝试次数过多，请 " + Math.max(1, (wait + 59) / 60) + " 分钟后再试。");
            return Future.succeededFuture();
          }
          return account(login)
              .compose(acc -> portal.vertx().executeBlocking(() ->
                  PasswordHasher.verify(password, acc.map(Account::hash).orElse(Dummy.HASH))
                      && acc.isPresent() && !acc.get().disabled(), false)
                  .compose(ok -> ok ? succeed(ctx, login, acc.get(), keys.get(0)) : fail(ctx, login, keys)));
        })
        .onFailure(ctx::fail);
  }

  private Future<Optional<Account>> account(String login) {
    if (login.isEmpty() || login.length() > 64) return Future.succeededFuture(Optional.empty());
    return portal.deskPool().preparedQuery("SELECT id, password_hash, disabled FROM users WHERE login = $1")
        .execute(Tuple.of(login))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next())
            .map(r -> new Account(r.getLong("id"), r.getString("password_hash"), r.getBoolean("disabled"))));
  }

  private Future<Void> succeed(RoutingContext ctx, String login, Account acc, String accountKey) {
    // a fresh id at every login; any session this browser held before ends here
    var previous = ctx.request().getCookie(Sessions.COOKIE);
    Future<Void> endPrevious = previous == null ? Future.succeededFuture()
        : sessions.delete(Secrets.sha256Hex(previous.getValue()));
    return throttle.reset(accountKey)
        .compose(v -> endPrevious)
        .compose(v -> sessions.create(acc.id()))
        .compose(raw -> AuditLog.record(portal.deskPool(), login, "login", "user", acc.id(), new JsonObject())
            .onSuccess(v -> {
              ctx.response().addCookie(sessions.cookie(raw));
              Desk.redirect(ctx, "/editor");
            }));
  }

  private Future<Void> fail(RoutingContext ctx, String login, List<String> keys) {
    return throttle.recordFailure(keys).onSuccess(v -> page(ctx, 401, login, BAD_LOGIN));
  }

  private void logout(RoutingContext ctx) {
    DeskSession s = Desk.session(ctx);
    sessions.delete(s.idHash())
        .compose(v -> AuditLog.record(portal.deskPool(), s.user().login(), "logout", "user", s.user().id(), null))
        .onSuccess(v -> {
          ctx.response().addCookie(sessions.expiredCookie());
          Desk.redirect(ctx, DeskAuth.LOGIN);
        })
        .onFailure(ctx::fail);
  }

  /** There is no session yet to bind a CSRF token to, so a login posted from another site is refused by origin. */
  private static boolean sameOrigin(RoutingContext ctx) {
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

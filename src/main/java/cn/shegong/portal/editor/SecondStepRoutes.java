package cn.shegong.portal.editor;

import cn.shegong.portal.common.ClientAddress;
import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.web.Portal;
import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Tuple;
import java.util.Map;
import java.util.Optional;

/**
 * The second sign-in step for an account with a second factor: after the password, a short-lived
 * challenge (cookie on /editor/login only, its SHA-256 in login_challenges) waits for a TOTP or
 * recovery code. Throttled like the password step, per address and per account.
 */
final class SecondStepRoutes {
  static final String CODE = "/editor/login/code";
  static final String COOKIE = "editor_login_step";
  static final String BAD_CODE = "验证码不正确或已使用过。";

  private record Pending(long userId, String login) {}

  private final Portal portal;
  private final LoginRoutes login;
  private final LoginThrottle throttle;
  private final SecondFactors factors;

  SecondStepRoutes(Portal portal, LoginRoutes login, LoginThrottle throttle) {
    this.portal = portal;
    this.login = login;
    this.throttle = throttle;
    this.factors = new SecondFactors(portal.deskPool());
  }

  void mount(DeskRouter desk) {
    desk.open(HttpMethod.GET, CODE).handler(ctx -> page(ctx, 200, ""));
    desk.open(HttpMethod.POST, CODE).handler(this::verify);
  }

  /** The password was right: the code comes next. */
  Future<Void> challenge(RoutingContext ctx, long userId) {
    String raw = Secrets.random(32);
    return portal
        .deskPool()
        .preparedQuery(
            "INSERT INTO login_challenges (id_hash, user_id, expires_at) "
                + "VALUES ($1, $2, now() + interval '5 minutes')")
        .execute(Tuple.of(Secrets.sha256Hex(raw), userId))
        .onSuccess(
            v -> {
              ctx.response().addCookie(cookie(raw).setMaxAge(300));
              Desk.redirect(ctx, CODE);
            })
        .mapEmpty();
  }

  private void page(RoutingContext ctx, int status, String message) {
    portal
        .pages()
        .render(ctx, status, "editor/login-code.ftlh", Map.of("message", message))
        .onFailure(ctx::fail);
  }

  private void verify(RoutingContext ctx) {
    if (!LoginRoutes.sameOrigin(ctx)) {
      ctx.fail(new HttpError(403, "登录请求来自其他网站，已拒绝。"));
      return;
    }
    String code = Desk.form(ctx, "code");
    Cookie c = ctx.request().getCookie(COOKIE);
    String address =
        LoginThrottle.addressKey(ClientAddress.of(ctx, portal.config().trustedProxies()));
    pending(c == null ? null : c.getValue())
        .compose(
            p -> {
              if (p.isEmpty()) {
                page(ctx, 401, "登录已超时，请重新输入登录名和密码。");
                return Future.succeededFuture();
              }
              String account = LoginThrottle.codeKey(p.get().userId());
              return throttle
                  .reserve(address, account)
                  .compose(
                      wait -> {
                        if (wait > 0) {
                          LoginRoutes.tooMany(ctx, wait, m -> page(ctx, 429, m));
                          return Future.succeededFuture();
                        }
                        return factors
                            .verify(p.get().userId(), code)
                            .compose(
                                ok ->
                                    ok
                                        ? throttle
                                            .passed(address, account)
                                            .compose(v -> end(c.getValue()))
                                            .compose(
                                                v -> {
                                                  ctx.response().addCookie(cookie("").setMaxAge(0));
                                                  return login.signIn(
                                                      ctx,
                                                      p.get().userId(),
                                                      p.get().login(),
                                                      "second-factor");
                                                })
                                        : throttle
                                            .penalise(address, account)
                                            .onSuccess(v -> page(ctx, 401, BAD_CODE)));
                      });
            })
        .onFailure(ctx::fail);
  }

  private Future<Optional<Pending>> pending(String raw) {
    if (raw == null || raw.isEmpty() || raw.length() > 100)
      return Future.succeededFuture(Optional.empty());
    return portal
        .deskPool()
        .preparedQuery(
            "SELECT u.id, u.login FROM login_challenges c JOIN users u ON u.id = c.user_id "
                + "WHERE c.id_hash = $1 AND c.expires_at > now() AND NOT u.disabled")
        .execute(Tuple.of(Secrets.sha256Hex(raw)))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(
                        new Pending(
                            rows.iterator().next().getLong(0),
                            rows.iterator().next().getString(1))));
  }

  private Future<Void> end(String raw) {
    return portal
        .deskPool()
        .preparedQuery("DELETE FROM login_challenges WHERE id_hash = $1 OR expires_at < now()")
        .execute(Tuple.of(Secrets.sha256Hex(raw)))
        .mapEmpty();
  }

  private Cookie cookie(String raw) {
    return Cookie.cookie(COOKIE, raw)
        .setPath(DeskAuth.LOGIN)
        .setHttpOnly(true)
        .setSecure(portal.config().tls())
        .setSameSite(CookieSameSite.STRICT);
  }
}

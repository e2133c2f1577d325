package cn.shegong.portal.editor;

import cn.shegong.portal.common.HttpError;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * In front of every /editor route but the login page: a live session and a valid CSRF token on
 * every POST; what the account may do is checked by each route's declared permission ({@link
 * DeskRouter}). Anonymous page views are sent to the login page.
 */
final class DeskAuth implements Handler<RoutingContext> {
  static final String LOGIN = "/editor/login";

  private final Sessions sessions;
  private final TwoFactorRule rule;

  DeskAuth(Sessions sessions, TwoFactorRule rule) {
    this.sessions = sessions;
    this.rule = rule;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    ctx.response().putHeader("Cache-Control", "no-store");
    if (path.equals(LOGIN) || path.equals(SecondStepRoutes.CODE)) {
      ctx.next();
      return;
    }
    Cookie cookie = ctx.request().getCookie(Sessions.COOKIE);
    sessions
        .find(cookie == null ? null : cookie.getValue())
        .onFailure(ctx::fail)
        .onSuccess(
            found -> {
              if (found.isEmpty()) {
                anonymous(ctx);
                return;
              }
              DeskSession session = found.get();
              if (ctx.request().method() != HttpMethod.GET
                  && ctx.request().method() != HttpMethod.HEAD
                  && !session.acceptsCsrf(ctx.request().getFormAttribute(Desk.CSRF_FIELD))) {
                ctx.fail(new HttpError(403, "表单已过期或来源不明（CSRF 校验未通过），请刷新页面后重试。"));
                return;
              }
              ctx.put(Desk.SESSION, session);
              if (rule.mustEnrol(session.user(), session.secondFactor())
                  && !TwoFactorRule.reachableUnenrolled(path)) {
                if (ctx.request().method() == HttpMethod.GET
                    || ctx.request().method() == HttpMethod.HEAD) {
                  Desk.redirect(ctx, EnrolmentRoutes.ENROL);
                } else {
                  ctx.fail(new HttpError(403, TwoFactorRule.MESSAGE));
                }
                return;
              }
              ctx.next();
            });
  }

  private static void anonymous(RoutingContext ctx) {
    if (ctx.request().method() == HttpMethod.GET || ctx.request().method() == HttpMethod.HEAD) {
      ctx.response().setStatusCode(303).putHeader("Location", LOGIN).end();
    } else {
      ctx.fail(new HttpError(401, "请先登录编辑工作台。"));
    }
  }
}

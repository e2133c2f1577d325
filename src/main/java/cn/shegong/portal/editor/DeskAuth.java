package cn.shegong.portal.editor;

import cn.shegong.portal.common.HttpError;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * In front of every /editor route but the login page: a live session, the right role for the normalised
 * path, and a valid CSRF token on every POST. Anonymous page views are sent to the login page.
 */
final class DeskAuth implements Handler<RoutingContext> {
  static final String LOGIN = "/editor/login";
  static final List<String> ADMIN_ONLY = List.of("/editor/users");

  private final Sessions sessions;

  DeskAuth(Sessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    ctx.response().putHeader("Cache-Control", "no-store");
    if (path.equals(LOGIN)) {
      ctx.next();
      return;
    }
    Cookie cookie = ctx.request().getCookie(Sessions.COOKIE);
    sessions.find(cookie == null ? null : cookie.getValue())
        .onFailure(ctx::fail)
        .onSuccess(found -> {
          if (found.isEmpty()) {
            anonymous(ctx);
            return;
          }
          DeskSession session = found.get();
          if (adminOnly(path) && !session.user().admin()) {
            ctx.fail(new HttpError(403, "只有管理员可以管理账号。"));
            return;
          }
          if (ctx.request().method() != HttpMethod.GET && ctx.request().method() != HttpMethod.HEAD
              && !session.acceptsCsrf(ctx.request().getFormAttribute(Desk.CSRF_FIELD))) {
            ctx.fail(new HttpError(403, "表单已过期或来源不明（CSRF 校验未通过），请刷新页面后重试。"));
            return;
          }
          ctx.put(Desk.SESSION, session);
          ctx.next();
        });
  }

  static boolean adminOnly(String path) {
    return ADMIN_ONLY.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
  }

  private static void anonymous(RoutingContext ctx) {
    if (ctx.request().method() == HttpMethod.GET || ctx.request().method() == HttpMethod.HEAD) {
      ctx.response().setStatusCode(303).putHeader("Location", LOGIN).end();
    } else {
      ctx.fail(new HttpError(401, "请先登录编辑工作台。"));
    }
  }
}

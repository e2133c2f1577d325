package cn.shegong.portal.editor;

import cn.shegong.portal.common.HttpError;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Small helpers every desk page shares: who is signed in, the CSRF token, form fields, redirects.
 */
public final class Desk {
  static final String SESSION = "deskSession";
  static final String CSRF_FIELD = "_csrf";

  private Desk() {}

  static DeskSession session(RoutingContext ctx) {
    return ctx.get(SESSION);
  }

  /**
   * The signed-in account, from the desk session or the API token; null before either is checked.
   */
  public static EditorUser user(RoutingContext ctx) {
    DeskSession s = session(ctx);
    return s != null ? s.user() : ctx.get(ApiAuth.USER);
  }

  public static String actor(RoutingContext ctx) {
    return user(ctx).login();
  }

  /** The page model plus the signed-in user and the CSRF token for its forms. */
  static Map<String, Object> model(RoutingContext ctx, Map<String, Object> model) {
    Map<String, Object> m = new HashMap<>(model);
    DeskSession s = session(ctx);
    m.put("me", s.user());
    m.put("csrf", s.csrfToken());
    return m;
  }

  static String form(RoutingContext ctx, String name) {
    String v = ctx.request().getFormAttribute(name);
    return v == null ? "" : v.strip();
  }

  static void redirect(RoutingContext ctx, String location) {
    ctx.response().setStatusCode(303).putHeader("Location", location).end();
  }

  static long id(RoutingContext ctx, String param) {
    try {
      long id = Long.parseLong(ctx.pathParam(param));
      if (id > 0) return id;
    } catch (NumberFormatException e) {
      // answered below
    }
    throw HttpError.notFound("没有找到这一条记录。");
  }
}

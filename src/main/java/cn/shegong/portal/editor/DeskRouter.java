package cn.shegong.portal.editor;

import cn.shegong.portal.common.HttpError;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only way desk and editor-API routes are registered: each states the {@link Permission} it
 * needs, kept as route metadata (so a test can read it from the router) and checked before the
 * route's own handlers. {@link #seal()} then answers 403 on any /editor or /api/editor route that
 * was registered without one.
 */
public final class DeskRouter {
  /** Route metadata: the {@link Permission} a route needs, {@link #OPEN} or {@link #FILTER}. */
  public static final String PERMISSION = "permission";

  /** Reachable without signing in (the login form). */
  public static final String OPEN = "open";

  /** Runs in front of the desk's routes (body, session, CSRF); answers nothing itself. */
  public static final String FILTER = "filter";

  static final String UNDECLARED = "undeclared";
  private static final Logger log = LoggerFactory.getLogger(DeskRouter.class);

  private final Router router;
  private final Pool pool;

  DeskRouter(Router router, Pool pool) {
    this.router = router;
    this.pool = pool;
  }

  public Route get(String path, Permission p) {
    return needs(router.get(path), p);
  }

  public Route post(String path, Permission p) {
    return needs(router.post(path), p);
  }

  public Route put(String path, Permission p) {
    return needs(router.put(path), p);
  }

  public Route delete(String path, Permission p) {
    return needs(router.delete(path), p);
  }

  public Route open(HttpMethod method, String path) {
    return router.route(method, path).putMetadata(PERMISSION, OPEN);
  }

  Route filter(String path) {
    return router.route(path).putMetadata(PERMISSION, FILTER);
  }

  public static boolean isDeskPath(String path) {
    return path != null
        && (path.equals("/editor")
            || path.startsWith("/editor/")
            || path.equals("/api/editor")
            || path.startsWith("/api/editor/"));
  }

  private Route needs(Route route, Permission p) {
    return route.putMetadata(PERMISSION, p).handler(ctx -> check(ctx, p));
  }

  private void check(RoutingContext ctx, Permission p) {
    EditorUser user = Desk.user(ctx);
    if (user == null) {
      ctx.fail(new HttpError(401, "请先登录编辑工作台。"));
    } else if (user.role().grants(p)) {
      ctx.next();
    } else {
      refuse(ctx, user, p.name(), "您的角色（" + user.role().label() + "）没有“" + p.label() + "”的权限。");
    }
  }

  /** Every refusal is written down: who, which route, what was missing. */
  private void refuse(RoutingContext ctx, EditorUser user, String missing, String message) {
    Route route = ctx.currentRoute();
    JsonObject detail =
        new JsonObject()
            .put("method", ctx.request().method().name())
            .put("route", route == null ? ctx.normalizedPath() : route.getPath())
            .put("path", ctx.normalizedPath())
            .put("permission", missing);
    AuditLog.record(
            pool, user == null ? "（未登录）" : user.login(), "access.refused", "route", null, detail)
        .onComplete(
            done -> {
              if (done.failed())
                log.warn("Could not audit a refusal of {}: {}", detail, done.cause().toString());
              ctx.fail(new HttpError(403, message));
            });
  }

  /**
   * Deny by default: a desk route that states no permission is taken out and its path answers 403
   * (audited), so a route added later without a declaration cannot reach anything.
   */
  void seal() {
    List<Route> undeclared = new ArrayList<>();
    for (Route r : router.getRoutes()) {
      if (!r.isRegexPath() && r.getMetadata(PERMISSION) == null && isDeskPath(r.getPath()))
        undeclared.add(r);
    }
    for (Route r : undeclared) {
      log.error("Route {} {} declares no permission: it answers 403", r.methods(), r.getPath());
      String path = r.getPath();
      Set<HttpMethod> methods = r.methods();
      r.remove();
      if (methods == null || methods.isEmpty()) deny(router.route(path));
      else methods.forEach(m -> deny(router.route(m, path)));
    }
  }

  private void deny(Route route) {
    route
        .putMetadata(PERMISSION, UNDECLARED)
        .handler(ctx -> refuse(ctx, Desk.user(ctx), UNDECLARED, "此功能没有声明所需权限，已拒绝访问。"));
  }
}

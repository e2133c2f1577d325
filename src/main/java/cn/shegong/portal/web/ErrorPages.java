package cn.shegong.portal.web;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.db.DbFailure;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one failure handler: a Chinese error page for people, a JSON error for the API, the cause in
 * the log and never in the response.
 */
public final class ErrorPages {
  private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

  private final Pages pages;

  public ErrorPages(Pages pages) {
    this.pages = pages;
  }

  public void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof io.vertx.core.http.HttpClosedException) {
      // the client went away, or a deadline closed its connection: nobody to answer, nothing went
      // wrong here
      log.debug(
          "{} {}: connection closed before the answer",
          ctx.request().method(),
          RequestLog.loggable(ctx.request().path()));
      return;
    }
    int status = statusOf(ctx.statusCode(), failure);
    String message = messageOf(status, failure);
    if (status >= 500 && status != 503) {
      log.error(
          "{} {} failed",
          ctx.request().method(),
          RequestLog.loggable(ctx.request().path()),
          failure);
    } else if (status == 503 && failure != null) {
      log.warn(
          "{} {} unavailable ({}): {}",
          ctx.request().method(),
          RequestLog.loggable(ctx.request().path()),
          DbFailure.classify(failure),
          String.valueOf(failure));
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    if (status == 503 && DbFailure.isUnavailable(failure) && pages.kept().serveStale(ctx)) return;
    respond(ctx, status, message, Map.of());
  }

  /**
   * The router's own 400: a path it cannot decode (malformed percent-encoding), before any route
   * ran.
   */
  public void badPath(RoutingContext ctx) {
    if (ctx.response().headWritten()) return;
    // the normalised path cannot be computed for such a request: give the layout its own
    respond(ctx, 400, "网址中有无法识别的字符，请检查后重试。", Map.of("path", "/", "canonical", ""));
  }

  private void respond(RoutingContext ctx, int status, String message, Map<String, Object> extra) {
    if (status == 503) ctx.response().putHeader("Retry-After", "5");
    if (status == 405 || status == 413 || status == 415)
      ctx.response().putHeader("Connection", "close");
    if (wantsJson(ctx)) {
      ctx.response()
          .setStatusCode(status)
          .putHeader("Content-Type", "application/json; charset=utf-8")
          .end(JsonError.of(status, message).encode());
      return;
    }
    Map<String, Object> model = new java.util.HashMap<>(extra);
    model.putAll(Map.of("status", status, "title", titleOf(status), "message", message));
    pages
        .render(ctx, status, "error.ftlh", model)
        .onFailure(
            e -> {
              log.error("Error page could not be rendered", e);
              if (!ctx.response().headWritten()) {
                ctx.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end(status + " " + titleOf(status) + "\n" + message);
              }
            });
  }

  static boolean wantsJson(RoutingContext ctx) {
    String path = RequestLog.loggable(ctx.request().path());
    return path != null
        && (path.startsWith("/api/")
            || path.equals("/hsds")
            || path.startsWith("/hsds/")
            || path.equals("/health")
            || path.equals("/ready"));
  }

  static int statusOf(int code, Throwable failure) {
    if (failure instanceof HttpError e) return e.status();
    if (failure instanceof HttpException e) return e.getStatusCode();
    if (isDatabaseDown(failure)) return 503;
    if (code >= 400) return code;
    return 500;
  }

  /** Whether the failure means the database is unavailable (decided once, in {@link DbFailure}). */
  public static boolean isDatabaseDown(Throwable t) {
    return DbFailure.isUnavailable(t);
  }

  private static String messageOf(int status, Throwable failure) {
    if (failure instanceof HttpError e) return e.getMessage();
    if (status == 503 && DbFailure.isUnavailable(failure)) return "数据库暂时不可用，请稍后再试。您提交的内容没有保存。";
    return switch (status) {
      case 400 -> "请求的参数有误，请检查后重试。";
      case 401 -> "请先登录。";
      case 403 -> "您没有权限访问此页面。";
      case 404 -> "您要找的页面不存在，可能已被移除或地址有误。";
      case 405 -> "不支持此请求方法。";
      case 413 -> "提交的内容过大。";
      case 429 -> "请求过于频繁，请稍后再试。";
      case 503 -> "服务暂时不可用，请稍后再试。";
      default -> "服务器出现了问题，我们已记录下来，请稍后再试。";
    };
  }

  private static String titleOf(int status) {
    return switch (status) {
      case 400 -> "请求有误";
      case 401 -> "需要登录";
      case 403 -> "没有权限";
      case 404 -> "页面不存在";
      case 405 -> "方法不允许";
      case 413 -> "内容过大";
      case 429 -> "请求过于频繁";
      case 503 -> "暂时无法访问";
      default -> "服务器错误";
    };
  }
}

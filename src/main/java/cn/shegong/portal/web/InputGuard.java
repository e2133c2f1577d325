package cn.shegong.portal.web;

import cn.shegong.portal.common.HttpError;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses, before any feature sees them, requests that no valid input can produce: NUL characters
 * (which PostgreSQL rejects in text) and query strings that do not decode.
 */
public final class InputGuard implements Handler<RoutingContext> {
  @Override
  public void handle(RoutingContext ctx) {
    String path = ctx.request().path();
    if (path != null && (path.indexOf('\0') >= 0 || path.contains("%00"))) {
      ctx.fail(HttpError.notFound("页面不存在。"));
      return;
    }
    try {
      for (var entry : ctx.queryParams()) {
        if (entry.getKey().indexOf('\0') >= 0 || entry.getValue().indexOf('\0') >= 0) {
          ctx.fail(HttpError.badRequest("请求参数中含有无效字符。"));
          return;
        }
      }
    } catch (IllegalArgumentException e) {
      ctx.fail(HttpError.badRequest("请求参数的编码无效。"));
      return;
    }
    ctx.next();
  }
}

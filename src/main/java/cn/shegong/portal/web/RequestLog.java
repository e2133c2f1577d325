package cn.shegong.portal.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INFO line per request: method, path, status, milliseconds. No query strings: they may hold
 * personal data; and no secret that a path carries (a station's update link works for whoever holds
 * it).
 */
public final class RequestLog implements Handler<RoutingContext> {
  private static final Logger log = LoggerFactory.getLogger("access");

  @Override
  public void handle(RoutingContext ctx) {
    long start = System.nanoTime();
    ctx.addBodyEndHandler(
        v ->
            log.info(
                "{} {} {} {}ms",
                ctx.request().method(),
                loggable(ctx.request().path()),
                ctx.response().getStatusCode(),
                (System.nanoTime() - start) / 1_000_000));
    ctx.next();
  }

  /** The path as logs may show it: a capability in it replaced by an ellipsis. */
  public static String loggable(String path) {
    if (path == null) return "";
    return path.startsWith(UPDATE_LINKS) ? UPDATE_LINKS + "…" : path;
  }

  private static final String UPDATE_LINKS = "/stations/update/";
}

package cn.shegong.portal.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INFO line per request: method, path, status, milliseconds. No query strings: they may hold
 * personal data.
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
                ctx.request().path(),
                ctx.response().getStatusCode(),
                (System.nanoTime() - start) / 1_000_000));
    ctx.next();
  }
}

package cn.shegong.portal.web;

import cn.shegong.portal.config.AppConfig;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Deadlines the HTTP server does not have itself (it only knows an idle timeout, which a client
 * sending one byte every few seconds never meets): a connection must deliver a complete request
 * head within {@code headerMs} of opening or of its previous answer, and a request's body within
 * {@code bodyMs} of its head. Otherwise the connection is closed. All on the server's event loop,
 * so plain maps suffice.
 */
public final class RequestDeadlines implements Handler<RoutingContext> {
  private static final String SEEN = "requestDeadlines";
  private final Vertx vertx;
  private final long headerMs;
  private final long bodyMs;
  private final Map<HttpConnection, Waiting> connections = new HashMap<>();

  /**
   * The connection's timer for its next request head, and how many of its requests are being
   * answered.
   */
  private static final class Waiting {
    long timer = -1;
    int inFlight;
  }

  public RequestDeadlines(Vertx vertx, AppConfig.HttpLimits limits) {
    this.vertx = vertx;
    this.headerMs = limits.headerTimeoutS() * 1000L;
    this.bodyMs = limits.bodyTimeoutS() * 1000L;
  }

  /** For {@code HttpServer.connectionHandler}: the first head must come in time. */
  public void opened(HttpConnection connection) {
    Waiting w = new Waiting();
    connections.put(connection, w);
    connection.closeHandler(
        v -> {
          Waiting gone = connections.remove(connection);
          if (gone != null) vertx.cancelTimer(gone.timer);
        });
    awaitHead(connection, w);
  }

  /**
   * The first route: a head arrived; its body and then the next head must follow in time. (The end
   * is seen through the routing context, which owns the response's end and close handlers.)
   */
  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.get(SEEN) != null) { // a reroute (HEAD as GET) passes here again
      ctx.next();
      return;
    }
    ctx.put(SEEN, true);
    HttpServerRequest request = ctx.request();
    HttpConnection connection = request.connection();
    Waiting w = connections.get(connection);
    long body =
        request.isEnded()
            ? -1
            : vertx.setTimer(
                bodyMs,
                t -> {
                  if (!request.isEnded()) connection.close();
                });
    if (w != null) {
      vertx.cancelTimer(w.timer);
      w.inFlight++;
    }
    ctx.addEndHandler(
        done -> {
          if (body >= 0) vertx.cancelTimer(body);
          if (w == null) return;
          w.inFlight--;
          if (w.inFlight == 0 && connections.containsKey(connection)) awaitHead(connection, w);
        });
    ctx.next();
  }

  private void awaitHead(HttpConnection connection, Waiting w) {
    w.timer =
        vertx.setTimer(
            headerMs,
            t -> {
              if (w.inFlight == 0) connection.close();
            });
  }
}

package cn.shegong.portal.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Liveness (the process answers) and readiness (the database answers and every feature says it is
 * ready).
 */
public final class HealthRoutes {
  private static final long CHECK_TIMEOUT_MS = 1500;

  private final Portal portal;

  public HealthRoutes(Portal portal) {
    this.portal = portal;
  }

  public void mount(Router router) {
    router.get("/health").handler(ctx -> json(ctx, 200, new JsonObject().put("status", "ok")));
    router.get("/ready").handler(this::ready);
  }

  private void ready(RoutingContext ctx) {
    Readiness readiness = portal.readiness();
    List<String> names = new ArrayList<>(List.of("database"));
    List<Future<Boolean>> checks = new ArrayList<>(List.of(bounded(portal.database().ping())));
    for (Map.Entry<String, java.util.function.Supplier<Future<Boolean>>> e :
        readiness.checks().entrySet()) {
      names.add(e.getKey());
      checks.add(bounded(e.getValue().get()));
    }
    Future<JsonObject> lag =
        portal
            .database()
            .changes()
            .lag()
            .map(
                l ->
                    new JsonObject()
                        .put("index_changes", l.changes())
                        .put("seconds", Math.round(l.seconds() * 10) / 10.0))
            .timeout(CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS)
            .otherwiseEmpty();
    Future.join(checks)
        .eventually(() -> lag)
        .onComplete(
            done -> {
              JsonObject body = new JsonObject();
              boolean all = !readiness.draining();
              for (int i = 0; i < names.size(); i++) {
                Future<Boolean> f = checks.get(i);
                boolean up = f.succeeded() && Boolean.TRUE.equals(f.result());
                body.put(names.get(i), up ? "up" : "down");
                all &= up;
              }
              if (readiness.draining()) body.put("shutdown", "draining");
              // how far the search index (the change feed's durable copy) is behind change_log
              body.put("lag", lag.result());
              json(ctx, all ? 200 : 503, body.put("status", all ? "ready" : "unavailable"));
            });
  }

  private Future<Boolean> bounded(Future<Boolean> check) {
    return check.timeout(CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS).otherwise(false);
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }
}

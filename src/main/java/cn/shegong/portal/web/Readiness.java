package cn.shegong.portal.web;

import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What /ready reports. Features register a check (the search index registers "index"); draining is
 * set first on shutdown so load balancers stop sending traffic before anything closes.
 */
public final class Readiness {
  private final Map<String, Supplier<Future<Boolean>>> checks = new ConcurrentHashMap<>();
  private volatile boolean draining;

  public void register(String name, Supplier<Future<Boolean>> check) {
    checks.put(name, check);
  }

  public Map<String, Supplier<Future<Boolean>>> checks() {
    return Map.copyOf(checks);
  }

  public boolean draining() {
    return draining;
  }

  public void startDraining() {
    draining = true;
  }
}

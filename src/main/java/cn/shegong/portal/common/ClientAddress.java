package cn.shegong.portal.common;

import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The visitor's address for throttling and rate limits. X-Forwarded-For is read only when the
 * direct peer is a configured proxy, and then from the right: the leftmost entries are whatever the
 * client wrote.
 */
public final class ClientAddress {
  private ClientAddress() {}

  public static String of(RoutingContext ctx, List<String> trustedProxies) {
    var remote = ctx.request().remoteAddress();
    String peer = remote == null ? "unknown" : remote.hostAddress();
    if (!trustedProxies.contains(peer)) return peer;
    String header = ctx.request().getHeader("X-Forwarded-For");
    if (header == null || header.isBlank()) return peer;
    String[] hops = header.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!hop.isEmpty() && !trustedProxies.contains(hop))
        return hop.length() > 64 ? hop.substring(0, 64) : hop;
    }
    return peer;
  }
}

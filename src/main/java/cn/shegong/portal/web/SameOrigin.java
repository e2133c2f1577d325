package cn.shegong.portal.web;

import io.vertx.ext.web.RoutingContext;
import java.net.URI;

/**
 * For forms sent without a session: the browser's Origin (or Referer) must be this site, its public
 * URL or the Host the request was sent to.
 */
public final class SameOrigin {
  private SameOrigin() {}

  public static boolean check(RoutingContext ctx, String publicBaseUrl) {
    String origin = ctx.request().getHeader("Origin");
    String source =
        origin != null && !origin.equals("null") ? origin : ctx.request().getHeader("Referer");
    if (source == null) return false;
    String from = originOf(source);
    if (from == null) return false;
    String host = ctx.request().getHeader("Host");
    return from.equals(originOf(publicBaseUrl))
        || (host != null && (from.equals("http://" + host) || from.equals("https://" + host)));
  }

  private static String originOf(String url) {
    try {
      URI u = URI.create(url.strip());
      if (u.getScheme() == null || u.getHost() == null) return null;
      return u.getScheme().toLowerCase()
          + "://"
          + u.getHost().toLowerCase()
          + (u.getPort() > 0 ? ":" + u.getPort() : "");
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}

package cn.shegong.portal.web;

import cn.shegong.portal.config.AppConfig;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;

/**
 * Security headers on every response, public pages included. Scripts and styles come only from the
 * portal.
 */
public final class SecurityHeaders implements Handler<RoutingContext> {
  private final String csp;
  private final boolean tls;

  public SecurityHeaders(AppConfig config) {
    this.tls = config.tls();
    String tiles = tileOrigin(config.mapTilesUrl());
    this.csp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"
            + tiles
            + "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
            + "form-action 'self'";
  }

  @Override
  public void handle(RoutingContext ctx) {
    MultiMap h = ctx.response().headers();
    h.set("Content-Security-Policy", csp);
    h.set("X-Content-Type-Options", "nosniff");
    // same-origin: a site left through 快速离开 (or any link) does not learn that the reader came from
    // here
    h.set("Referrer-Policy", "same-origin");
    h.set("X-Frame-Options", "DENY");
    h.set("Permissions-Policy", "geolocation=(self), camera=(), microphone=()");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    if (tls) h.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    ctx.next();
  }

  /**
   * The tile server's origin, so map tiles may load; a template like
   * https://{s}.tile.example/{z}/{x}/{y}.png.
   */
  static String tileOrigin(String template) {
    if (template == null || template.isBlank()) return "";
    try {
      URI uri = URI.create(template.replace("{s}", "a").replaceAll("\\{[a-z]+}", "0"));
      if (uri.getScheme() == null || uri.getHost() == null) return "";
      String host =
          template.contains("{s}.") ? uri.getHost().replaceFirst("^a\\.", "*.") : uri.getHost();
      return " " + uri.getScheme() + "://" + host + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}

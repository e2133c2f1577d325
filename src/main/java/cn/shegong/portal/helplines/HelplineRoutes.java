package cn.shegong.portal.helplines;

import cn.shegong.portal.common.Params;
import cn.shegong.portal.common.Zones;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.ZonedDateTime;

/**
 * GET /api/helplines?kind=&region= : the public help lines, from memory (answers while the database
 * is away).
 */
public final class HelplineRoutes {
  private final HelplineBook book;

  public HelplineRoutes(HelplineBook book) {
    this.book = book;
  }

  public void mount(Router router) {
    router.get("/api/helplines").handler(this::list);
  }

  private void list(RoutingContext ctx) {
    String kind = Params.text(ctx, "kind", 40).orElse("");
    String region = Params.text(ctx, "region", 40).orElse("");
    ZonedDateTime now = ZonedDateTime.now(Zones.CHINA);
    JsonArray out = new JsonArray();
    book.find(kind, region, region).forEach(h -> out.add(h.toJson(now)));
    ctx.response()
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "public, max-age=60")
        .end(
            new JsonObject()
                .put("helplines", out)
                .put("emergency", "如遇紧急危险，请拨打 110 或 120")
                .encode());
  }
}

package cn.shegong.portal.site;

import cn.shegong.portal.web.Portal;
import io.vertx.ext.web.Router;
import java.util.Map;

/** GET /accessibility: 无障碍说明, how the portal meets MIIT's 适老化 and accessibility requirements. */
public final class AccessibilityRoutes {
  private final Portal portal;

  public AccessibilityRoutes(Portal portal) {
    this.portal = portal;
  }

  public void mount(Router router) {
    router
        .get("/accessibility")
        .handler(
            ctx ->
                portal
                    .pages()
                    .render(ctx, "site/accessibility.ftlh", Map.of())
                    .onFailure(ctx::fail));
  }
}

package cn.shegong.portal.privacy;

import cn.shegong.portal.web.Pages;
import io.vertx.ext.web.Router;
import java.util.Map;

/** /privacy (隐私说明): what the portal records about readers and what it does not. */
public final class PrivacyRoutes {
  private final Pages pages;

  public PrivacyRoutes(Pages pages) {
    this.pages = pages;
  }

  public void mount(Router router) {
    router
        .get("/privacy")
        .handler(ctx -> pages.render(ctx, "privacy.ftlh", Map.of()).onFailure(ctx::fail));
  }
}

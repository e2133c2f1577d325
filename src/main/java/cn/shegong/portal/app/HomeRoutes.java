package cn.shegong.portal.app;

import cn.shegong.portal.news.ArticleRepository;
import cn.shegong.portal.stations.StationKind;
import cn.shegong.portal.stations.StationRepository;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Map;

/** The home page: latest news, stations by kind, the search box. */
public final class HomeRoutes {
  private static final int LATEST = 6;

  private final Portal portal;

  public HomeRoutes(Portal portal) {
    this.portal = portal;
  }

  public void mount(Router router) {
    router.get("/").handler(this::home);
  }

  private void home(RoutingContext ctx) {
    var latest = new ArticleRepository(portal.pool()).listPublished(0, LATEST);
    var counts = new StationRepository(portal.pool()).countByKind();
    Future.all(latest, counts)
        .compose(all -> portal.pages().render(ctx, "home.ftlh", Map.of(
            "articles", latest.result(),
            "kinds", Arrays.asList(StationKind.values()),
            "counts", counts.result().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey().code(), Map.Entry::getValue)))))
        .onFailure(ctx::fail);
  }
}

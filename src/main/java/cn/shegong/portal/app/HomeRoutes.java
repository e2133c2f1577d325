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

  // counting the open stations reads every one of them; on the busiest page, figures half a minute old will do
  private static final long COUNTS_TTL_MS = 30_000;

  private final Portal portal;
  private volatile Future<Map<StationKind, Long>> counts;
  private volatile long countedAt;

  public HomeRoutes(Portal portal) {
    this.portal = portal;
  }

  public void mount(Router router) {
    router.get("/").handler(this::home);
  }

  private Future<Map<StationKind, Long>> counts() {
    long now = System.currentTimeMillis();
    Future<Map<StationKind, Long>> c = counts;
    if (c == null || c.failed() || now - countedAt > COUNTS_TTL_MS) {
      c = new StationRepository(portal.pool()).countByKind();
      counts = c;
      countedAt = now;
    }
    return c;
  }

  private void home(RoutingContext ctx) {
    var latest = new ArticleRepository(portal.pool()).listPublished(0, LATEST);
    var counts = counts();
    Future.all(latest, counts)
        .compose(all -> portal.pages().render(ctx, "home.ftlh", Map.of(
            "articles", latest.result(),
            "kinds", Arrays.asList(StationKind.values()),
            "counts", counts.result().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey().code(), Map.Entry::getValue)))))
        .onFailure(ctx::fail);
  }
}

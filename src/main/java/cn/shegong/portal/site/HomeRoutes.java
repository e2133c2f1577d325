package cn.shegong.portal.site;

import cn.shegong.portal.db.ContentVersions;
import cn.shegong.portal.news.ArticleRepository;
import cn.shegong.portal.stations.StationKind;
import cn.shegong.portal.stations.StationRepository;
import cn.shegong.portal.web.Portal;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Map;

/** The home page: latest news, stations by kind, the search box. */
public final class HomeRoutes {
  private static final int LATEST = 6;

  // counting the open stations reads every one of them: counted again when the content changes, and
  // after
  // half a minute at most, the same safety net as the page cache's
  private static final long COUNTS_TTL_MS = 30_000;

  private final Portal portal;
  private volatile Future<Map<StationKind, Long>> counts;
  private volatile long countedAt;
  private volatile ContentVersions.Stations countedVersion;

  public HomeRoutes(Portal portal) {
    this.portal = portal;
  }

  public void mount(Router router) {
    router.get("/").handler(this::home);
  }

  private Future<Map<StationKind, Long>> counts() {
    long now = System.currentTimeMillis();
    ContentVersions.Stations version = portal.stationsVersion().get();
    Future<Map<StationKind, Long>> c = counts;
    boolean changed = version == null || !version.equals(countedVersion);
    if (c == null || c.failed() || changed || now - countedAt > COUNTS_TTL_MS) {
      c = new StationRepository(portal.pool()).countByKind();
      counts = c;
      countedAt = now;
      countedVersion = version;
    }
    return c;
  }

  private void home(RoutingContext ctx) {
    var latest = new ArticleRepository(portal.pool()).listPublished(0, LATEST);
    var counts = counts();
    Future.all(latest, counts)
        .compose(
            all ->
                portal
                    .pages()
                    .render(
                        ctx,
                        "home.ftlh",
                        Map.of(
                            "articles", latest.result(),
                            "kinds", Arrays.asList(StationKind.values()),
                            "counts",
                                counts.result().entrySet().stream()
                                    .collect(
                                        java.util.stream.Collectors.toMap(
                                            e -> e.getKey().code(), Map.Entry::getValue)))))
        .onFailure(ctx::fail);
  }
}

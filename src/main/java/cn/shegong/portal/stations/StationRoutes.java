package cn.shegong.portal.stations;

import cn.shegong.portal.app.Portal;
import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.common.Pagination;
import cn.shegong.portal.common.Params;
import cn.shegong.portal.common.Zones;
import cn.shegong.portal.news.ArticleRepository;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.ZonedDateTime;
import java.util.Map;

/** The station list (works without JavaScript) and each station's page. */
public final class StationRoutes {
  static final int PAGE_SIZE = 20;

  private final Portal portal;
  private final StationRepository stations;

  public StationRoutes(Portal portal) {
    this.portal = portal;
    this.stations = new StationRepository(portal.pool());
  }

  public void mount(Router router) {
    router.get("/stations").handler(this::list);
    router.get("/stations/:slug").handler(this::show);
  }

  private void list(RoutingContext ctx) {
    int page = Params.page(ctx);
    stations.count()
        .compose(total -> {
          Pagination p = new Pagination(page, PAGE_SIZE, total);
          return stations.list(p.offset(), PAGE_SIZE)
              .compose(list -> portal.pages().render(ctx, "stations/list.ftlh", Map.of("stations", list, "pagination", p)));
        })
        .onFailure(ctx::fail);
  }

  private void show(RoutingContext ctx) {
    stations.findBySlug(ctx.pathParam("slug"))
        .compose(found -> found.map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(HttpError.notFound("没有找到这个服务站点，它可能已被移除或地址有误。"))))
        .compose(station -> new ArticleRepository(portal.pool()).listPublishedForStation(station.id(), 10)
            .compose(articles -> portal.pages().render(ctx, "stations/station.ftlh", Map.of(
                "station", station,
                "articles", articles,
                "openNow", station.openingHours().isOpenAt(ZonedDateTime.now(Zones.CHINA))))))
        .onFailure(ctx::fail);
  }
}

package cn.shegong.portal.stations;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.common.Zones;
import cn.shegong.portal.web.Portal;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;

/**
 * /stations/{slug}/history: what changed on a station's public record, when, and how it stood
 * verified; public fields only, never who reported or edited.
 */
final class StationHistoryRoutes {
  static final int ENTRIES = 200;

  private final Portal portal;
  private final StationRepository stations;
  private final StationHistoryRepository history;

  StationHistoryRoutes(Portal portal, StationRepository stations) {
    this.portal = portal;
    this.stations = stations;
    this.history = new StationHistoryRepository(portal.pool());
  }

  void mount(Router router) {
    router.get("/stations/:slug/history").handler(this::show);
  }

  private void show(RoutingContext ctx) {
    stations
        .findBySlug(ctx.pathParam("slug"))
        .compose(
            found ->
                found
                    .map(Future::succeededFuture)
                    .orElseGet(
                        () -> Future.failedFuture(HttpError.notFound("没有找到这个服务站点，它可能已被移除或地址有误。"))))
        .compose(
            station ->
                Future.all(
                        history.forStation(station.id(), ENTRIES),
                        Verification.of(portal.pool(), station.id()))
                    .compose(
                        all -> {
                          Map<String, Object> model = new HashMap<>();
                          model.put("station", station);
                          model.put("changes", all.resultAt(0));
                          model.put("verification", all.resultAt(1));
                          model.put("feedLinks", StationFeedRoutes.links(station.content().kind()));
                          model.put(
                              "created",
                              station
                                  .createdAt()
                                  .atZoneSameInstant(Zones.CHINA)
                                  .toLocalDate()
                                  .toString());
                          return portal.pages().render(ctx, "stations/history.ftlh", model);
                        }))
        .onFailure(ctx::fail);
  }
}

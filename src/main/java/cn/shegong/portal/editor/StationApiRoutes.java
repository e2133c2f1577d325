package cn.shegong.portal.editor;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.stations.Station;
import cn.shegong.portal.stations.StationException;
import cn.shegong.portal.stations.StationExceptions;
import cn.shegong.portal.stations.StationExports;
import cn.shegong.portal.stations.StationRepository;
import cn.shegong.portal.web.JsonError;
import cn.shegong.portal.web.Portal;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * GET and PUT /api/editor/stations/{slug}: a station's record with its version and exceptions, and
 * a partial update of it. Field names and URLs are a public contract. A PUT is saved by the same
 * {@link DeskStations#update} the desk form uses, so the change log carries it to the public page,
 * the search index and "near me".
 */
final class StationApiRoutes {
  static final String BASE = "/api/editor/stations";

  private final Portal portal;
  private final DeskStations stations;
  private final StationRepository repository;

  StationApiRoutes(Portal portal) {
    this.portal = portal;
    this.stations = new DeskStations(portal.deskPool());
    this.repository = new StationRepository(portal.deskPool());
  }

  void mount(DeskRouter desk) {
    desk.get(BASE + "/:slug", Permission.VIEW_STATIONS)
        .handler(
            ctx ->
                find(ctx.pathParam("slug"))
                    .compose(this::withExceptions)
                    .onSuccess(json -> json(ctx, 200, json))
                    .onFailure(ctx::fail));
    desk.put(BASE + "/:slug", Permission.EDIT_STATIONS).handler(this::update);
  }

  private void update(RoutingContext ctx) {
    JsonObject body = body(ctx);
    if (!(body.getValue("version") instanceof Integer version)) {
      throw HttpError.badRequest("请在 version 中给出您所编辑的版本号（整数）");
    }
    find(ctx.pathParam("slug"))
        .compose(
            current -> {
              StationPatch patch = StationPatch.over(current, body);
              JsonObject detail =
                  new JsonObject().put("via", "api").put("fields", new JsonArray(patch.fields()));
              return stations
                  .update(
                      current.id(),
                      version,
                      patch.draft(),
                      patch.exceptions(),
                      Desk.user(ctx),
                      detail)
                  .compose(id -> find(current.slug()));
            })
        .compose(this::withExceptions)
        .onSuccess(json -> json(ctx, 200, json))
        .onFailure(
            e -> {
              if (e instanceof StaleVersion stale) {
                withExceptions((Station) stale.current())
                    .onSuccess(
                        cur ->
                            json(
                                ctx,
                                409,
                                JsonError.of(409, stale.getMessage())
                                    .put("current_version", stale.currentVersion())
                                    .put("current", cur)))
                    .onFailure(ctx::fail);
              } else {
                ctx.fail(e);
              }
            });
  }

  private Future<Station> find(String slug) {
    return repository
        .findBySlug(slug)
        .map(o -> o.orElseThrow(() -> HttpError.notFound(DeskStations.NOT_FOUND)));
  }

  private Future<JsonObject> withExceptions(Station s) {
    return new StationExceptions(portal.deskPool()).of(s.id()).map(ex -> toJson(s, ex));
  }

  private JsonObject toJson(Station s, List<StationException> exceptions) {
    JsonArray ex = new JsonArray();
    exceptions.forEach(e -> ex.add(e.toJson()));
    JsonObject record =
        new JsonObject()
            .put("slug", s.slug())
            .put("name", s.name())
            .put("kind", s.content().kind().code())
            .put("version", s.version())
            .put("exceptions", ex)
            .put("latitude", s.content().latitude())
            .put("longitude", s.content().longitude());
    return StationExports.properties(record, s, portal.config().publicBaseUrl())
        .put("updated_at", s.updatedAt().toString());
  }

  private static JsonObject body(RoutingContext ctx) {
    try {
      JsonObject o = ctx.body().asJsonObject();
      if (o == null) throw HttpError.badRequest("请求体应为 JSON 对象");
      return o;
    } catch (DecodeException | ClassCastException e) {
      throw HttpError.badRequest("请求体不是有效的 JSON 对象");
    }
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(body.encode());
  }
}

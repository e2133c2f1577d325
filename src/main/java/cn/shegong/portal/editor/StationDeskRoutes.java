package cn.shegong.portal.editor;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.stations.LocationPrecision;
import cn.shegong.portal.stations.Station;
import cn.shegong.portal.stations.StationCsvFormat;
import cn.shegong.portal.stations.StationExceptions;
import cn.shegong.portal.stations.StationKind;
import cn.shegong.portal.stations.StationStatus;
import cn.shegong.portal.web.Portal;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stations desk. The form's fields are the CSV columns, so one validator (StationCsvFormat)
 * serves the form, the import and the seeds alike.
 */
final class StationDeskRoutes {
  private final Portal portal;
  private final DeskStations stations;

  StationDeskRoutes(Portal portal) {
    this.portal = portal;
    this.stations = new DeskStations(portal.deskPool());
  }

  void mount(DeskRouter desk) {
    desk.get("/editor/stations", Permission.VIEW_STATIONS)
        .handler(
            ctx ->
                stations
                    .list()
                    .compose(
                        list ->
                            portal
                                .pages()
                                .render(
                                    ctx,
                                    "editor/stations.ftlh",
                                    Desk.model(
                                        ctx,
                                        Map.of(
                                            "stations",
                                            list,
                                            "imported",
                                            ctx.queryParam("imported").stream()
                                                .findFirst()
                                                .orElse("")))))
                    .onFailure(ctx::fail));
    desk.get("/editor/stations/new", Permission.EDIT_STATIONS)
        .handler(ctx -> form(ctx, 200, null, blank(), null, List.of()).onFailure(ctx::fail));
    desk.post("/editor/stations", Permission.EDIT_STATIONS).handler(this::create);
    desk.get("/editor/stations/:id/edit", Permission.VIEW_STATIONS)
        .handler(
            ctx ->
                stations
                    .find(Desk.id(ctx, "id"))
                    .compose(
                        s ->
                            new StationExceptions(portal.deskPool())
                                .of(s.id())
                                .compose(
                                    ex ->
                                        form(
                                            ctx,
                                            200,
                                            s,
                                            fieldsOf(s),
                                            ExceptionRows.of(ex),
                                            List.of())))
                    .onFailure(ctx::fail));
    desk.post("/editor/stations/:id", Permission.EDIT_STATIONS).handler(this::update);
    desk.post("/editor/stations/:id/status", Permission.EDIT_STATIONS).handler(this::status);
    desk.post("/editor/stations/:id/verify", Permission.EDIT_STATIONS)
        .handler(
            ctx ->
                stations
                    .confirm(Desk.id(ctx, "id"), Desk.user(ctx))
                    .onSuccess(
                        v -> Desk.redirect(ctx, "/editor/stations/" + Desk.id(ctx, "id") + "/edit"))
                    .onFailure(ctx::fail));
  }

  private void create(RoutingContext ctx) {
    Map<String, String> f = fields(ctx);
    StationCsvFormat.Parsed p = StationCsvFormat.parse(f);
    if (!p.ok()) {
      form(ctx, 400, null, f, null, p.errors()).onFailure(ctx::fail);
      return;
    }
    stations
        .create(p.draft(), Desk.user(ctx))
        .onSuccess(id -> Desk.redirect(ctx, "/editor/stations/" + id + "/edit"))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    long id = Desk.id(ctx, "id");
    int base = ArticleDeskRoutes.version(ctx);
    Map<String, String> f = fields(ctx);
    ExceptionRows ex = ExceptionRows.from(ctx);
    List<Map<String, String>> rows = ex == null ? null : ex.rows();
    stations
        .find(id)
        .compose(
            current -> {
              f.put("id", current.slug());
              StationCsvFormat.Parsed p = StationCsvFormat.parse(f);
              List<String> errors = new ArrayList<>(p.errors());
              if (ex != null) errors.addAll(ex.errors());
              if (!errors.isEmpty()) return form(ctx, 400, current, f, rows, errors);
              return stations
                  .update(
                      id,
                      base,
                      p.draft(),
                      ex == null ? null : ex.list(),
                      Desk.user(ctx),
                      new io.vertx.core.json.JsonObject())
                  .compose(
                      done -> {
                        Desk.redirect(ctx, "/editor/stations/" + id + "/edit");
                        return Future.<Void>succeededFuture();
                      })
                  .recover(
                      e ->
                          e instanceof StaleVersion stale
                              ? form(
                                  ctx,
                                  409,
                                  (Station) stale.current(),
                                  f,
                                  rows,
                                  List.of(stale.getMessage()))
                              : Future.failedFuture(e));
            })
        .onFailure(ctx::fail);
  }

  private void status(RoutingContext ctx) {
    long id = Desk.id(ctx, "id");
    StationStatus status =
        StationStatus.fromCode(Desk.form(ctx, "status"))
            .filter(s -> !Desk.form(ctx, "status").isEmpty())
            .orElseThrow(() -> HttpError.badRequest("状态应为 active、temporarily_closed 或 closed"));
    stations
        .setStatus(id, status, Desk.user(ctx))
        .onSuccess(v -> Desk.redirect(ctx, "/editor/stations/" + id + "/edit"))
        .onFailure(ctx::fail);
  }

  /** On a conflict {@code station} is the stored version, shown beside the editor's own values. */
  private Future<Void> form(
      RoutingContext ctx,
      int status,
      Station station,
      Map<String, String> f,
      List<Map<String, String>> exceptionRows,
      List<String> errors) {
    Map<String, Object> m = new HashMap<>();
    if (exceptionRows != null) m.put("exceptionRows", exceptionRows);
    m.put("form", f);
    m.put("errors", errors);
    m.put("conflict", status == 409);
    m.put("kinds", Arrays.asList(StationKind.values()));
    m.put("precisions", Arrays.asList(LocationPrecision.values()));
    m.put("statuses", Arrays.asList(StationStatus.values()));
    if (station != null) {
      m.put("station", station);
      m.put("stored", fieldsOf(station));
    }
    return portal.pages().render(ctx, status, "editor/station-form.ftlh", Desk.model(ctx, m));
  }

  static Map<String, String> fieldsOf(Station s) {
    Map<String, String> f = new LinkedHashMap<>();
    List<String> row = StationCsvFormat.row(s);
    for (int i = 0; i < StationCsvFormat.COLUMNS.size(); i++)
      f.put(StationCsvFormat.COLUMNS.get(i), row.get(i));
    return f;
  }

  private static Map<String, String> blank() {
    Map<String, String> f = new LinkedHashMap<>();
    for (String c : StationCsvFormat.COLUMNS) f.put(c, "");
    f.put("country", "CN");
    f.put("status", "active");
    return f;
  }

  private static Map<String, String> fields(RoutingContext ctx) {
    Map<String, String> f = new LinkedHashMap<>();
    for (String c : StationCsvFormat.COLUMNS) {
      String v = ctx.request().getFormAttribute(c);
      f.put(c, v == null ? "" : v);
    }
    return f;
  }
}

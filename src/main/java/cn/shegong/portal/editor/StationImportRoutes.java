package cn.shegong.portal.editor;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.stations.StationCsvFormat;
import cn.shegong.portal.stations.StationRepository;
import cn.shegong.portal.web.Portal;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Tuple;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CSV import in two steps: upload → row-by-row report (the valid rows wait in
 * station_import_batches) → the editor confirms → the valid rows are written in one transaction.
 * Nothing is written before that.
 */
final class StationImportRoutes {
  static final String UPLOAD = "/editor/stations/import";

  private final Portal portal;

  StationImportRoutes(Portal portal) {
    this.portal = portal;
  }

  void mount(DeskRouter desk) {
    desk.get(UPLOAD, Permission.EDIT_STATIONS)
        .handler(ctx -> page(ctx, 200, Map.of()).onFailure(ctx::fail));
    desk.post(UPLOAD, Permission.EDIT_STATIONS).handler(this::upload);
    desk.post(UPLOAD + "/:batch/confirm", Permission.EDIT_STATIONS).handler(this::confirm);
  }

  private Future<Void> page(RoutingContext ctx, int status, Map<String, Object> model) {
    Map<String, Object> m = new HashMap<>(model);
    m.put("columns", StationCsvFormat.COLUMNS);
    return portal.pages().render(ctx, status, "editor/import.ftlh", Desk.model(ctx, m));
  }

  private void upload(RoutingContext ctx) {
    List<FileUpload> files = ctx.fileUploads();
    if (files.size() != 1) {
      page(ctx, 400, Map.of("problem", "请选择一个 CSV 文件再上传。")).onFailure(ctx::fail);
      return;
    }
    FileUpload file = files.get(0);
    // read as a stream on a worker: the limits stop a hostile file before it is in memory
    portal
        .vertx()
        .executeBlocking(
            () -> {
              try (var in =
                  java.nio.file.Files.newInputStream(
                      java.nio.file.Path.of(file.uploadedFileName()))) {
                return StationCsvImport.read(in, file.size());
              }
            },
            false)
        .compose(
            report ->
                existing(report)
                    .compose(
                        known ->
                            store(ctx, file.fileName(), report)
                                .compose(
                                    batch ->
                                        page(
                                            ctx,
                                            200,
                                            Map.of(
                                                "report",
                                                report,
                                                "known",
                                                known,
                                                "batch",
                                                batch,
                                                "fileName",
                                                file.fileName())))))
        .recover(
            e ->
                e instanceof StationCsvImport.NotCsv bad
                    ? page(
                        ctx, 400, Map.of("problem", bad.getMessage(), "fileName", file.fileName()))
                    : Future.failedFuture(e))
        .onFailure(ctx::fail);
  }

  private Future<Set<String>> existing(StationCsvImport.Report report) {
    return new StationRepository(portal.deskPool())
        .existingSlugs(report.rows().stream().map(StationCsvImport.Row::id).toList());
  }

  private Future<String> store(
      RoutingContext ctx, String fileName, StationCsvImport.Report report) {
    if (report.valid().isEmpty()) return Future.succeededFuture("");
    String id = Secrets.random(18);
    String name =
        fileName == null ? "" : fileName.length() > 200 ? fileName.substring(0, 200) : fileName;
    return portal
        .deskPool()
        .preparedQuery(
            "INSERT INTO station_import_batches (id, created_by, file_name, valid_rows) "
                + "VALUES ($1, $2, $3, $4)")
        .execute(Tuple.of(id, Desk.actor(ctx), name, new JsonArray(List.copyOf(report.valid()))))
        .map(id);
  }

  private void confirm(RoutingContext ctx) {
    String batch = ctx.pathParam("batch");
    String actor = Desk.actor(ctx);
    portal
        .deskPool()
        .withTransaction(
            conn ->
                conn.preparedQuery(
                        "UPDATE station_import_batches SET imported_at = now() "
                            + "WHERE id = $1 AND imported_at IS NULL AND created_at > now() - interval '1 day' RETURNING valid_rows")
                    .execute(Tuple.of(batch))
                    .compose(
                        rows -> {
                          if (rows.size() == 0) {
                            return Future.failedFuture(
                                HttpError.notFound("这批导入不存在、已过期或已经导入过了，请重新上传。"));
                          }
                          JsonArray valid = (JsonArray) rows.iterator().next().getValue(0);
                          int[] added = new int[2];
                          Future<Void> chain = Future.succeededFuture();
                          for (Object o : valid) {
                            JsonObject row = ((JsonObject) o).getJsonObject("row");
                            Map<String, String> fields = new LinkedHashMap<>();
                            row.forEach(e -> fields.put(e.getKey(), String.valueOf(e.getValue())));
                            StationCsvFormat.Parsed p = StationCsvFormat.parse(fields);
                            if (!p.ok()) continue;
                            chain =
                                chain.compose(
                                    v ->
                                        DeskStations.upsert(conn, p.draft(), Desk.user(ctx))
                                            .map(
                                                inserted -> {
                                                  added[inserted ? 0 : 1]++;
                                                  return null;
                                                }));
                          }
                          return chain
                              .compose(
                                  v ->
                                      AuditLog.record(
                                          conn,
                                          actor,
                                          "station.import",
                                          "station",
                                          null,
                                          new JsonObject()
                                              .put("batch", batch)
                                              .put("inserted", added[0])
                                              .put("updated", added[1])))
                              .map(v -> added[0] + added[1]);
                        }))
        .onSuccess(n -> Desk.redirect(ctx, "/editor/stations?imported=" + n))
        .onFailure(ctx::fail);
  }
}

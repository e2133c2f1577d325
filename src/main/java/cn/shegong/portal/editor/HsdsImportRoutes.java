package cn.shegong.portal.editor;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.hsds.HsdsImport;
import cn.shegong.portal.hsds.HsdsIncoming;
import cn.shegong.portal.hsds.HsdsProblem;
import cn.shegong.portal.stations.StationHsdsIds;
import cn.shegong.portal.stations.StationKind;
import cn.shegong.portal.web.Portal;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Importing an HSDS tabular data package (zip) or HSDS JSON in two steps: the upload (at most 5 MB,
 * refused with 413 before it is read) is read on a worker and planned against the stations — a dry
 * run whose report says, service by service, what would be created, updated or skipped and every
 * error with its table, row and field; then the editor applies it, planned again and written in one
 * transaction, audited.
 */
final class HsdsImportRoutes {
  static final String UPLOAD = "/editor/stations/hsds-import";

  private final Portal portal;

  HsdsImportRoutes(Portal portal) {
    this.portal = portal;
  }

  void mount(DeskRouter desk) {
    desk.get(UPLOAD, Permission.EDIT_STATIONS)
        .handler(ctx -> page(ctx, 200, Map.of()).onFailure(ctx::fail));
    desk.post(UPLOAD, Permission.EDIT_STATIONS).handler(this::upload);
    desk.post(UPLOAD + "/:batch/confirm", Permission.EDIT_STATIONS).handler(this::apply);
  }

  private Future<Void> page(RoutingContext ctx, int status, Map<String, Object> model) {
    Map<String, Object> m = new HashMap<>(model);
    m.put("kinds", Arrays.asList(StationKind.values()));
    return portal.pages().render(ctx, status, "editor/hsds-import.ftlh", Desk.model(ctx, m));
  }

  private void upload(RoutingContext ctx) {
    List<FileUpload> files = ctx.fileUploads();
    if (files.size() != 1) {
      page(ctx, 400, Map.of("problem", "请选择一个 HSDS 数据包（zip）或 JSON 文件再上传。")).onFailure(ctx::fail);
      return;
    }
    FileUpload file = files.get(0);
    String kind = Desk.form(ctx, "default_kind");
    if (!kind.isEmpty() && StationKind.fromCode(kind).isEmpty()) {
      ctx.fail(HttpError.badRequest("未知的站点类型：" + kind));
      return;
    }
    portal
        .vertx()
        .executeBlocking(
            () -> {
              try (var in = Files.newInputStream(Path.of(file.uploadedFileName()))) {
                return HsdsImport.read(in, file.size());
              }
            },
            false)
        .compose(
            read ->
                HsdsImportPlan.make(portal.vertx(), portal.deskPool(), read.services(), kind)
                    .compose(
                        plan ->
                            store(ctx, file.fileName(), kind, read.services(), plan)
                                .compose(
                                    batch -> {
                                      Map<String, Object> m = new HashMap<>();
                                      m.put("plan", plan);
                                      m.put(
                                          "problems",
                                          read.problems().stream().map(HsdsProblem::text).toList());
                                      m.put("read", read.read());
                                      m.put("batch", batch);
                                      m.put("fileName", name(file.fileName()));
                                      return page(ctx, 200, m);
                                    })))
        .recover(
            e ->
                e instanceof HsdsImport.NotHsds bad
                    ? page(
                        ctx,
                        400,
                        Map.of("problem", bad.getMessage(), "fileName", name(file.fileName())))
                    : Future.failedFuture(e))
        .onFailure(ctx::fail);
  }

  private Future<String> store(
      RoutingContext ctx,
      String fileName,
      String kind,
      List<HsdsIncoming> services,
      HsdsImportPlan.Plan plan) {
    if (plan.writes().isEmpty()) return Future.succeededFuture("");
    String id = Secrets.random(18);
    JsonArray records = new JsonArray();
    for (HsdsIncoming in : services) records.add(in.toJson());
    // a batch can be applied for a day; older ones (up to 5 MB each) are not kept
    return portal
        .deskPool()
        .query("DELETE FROM hsds_import_batches WHERE created_at < now() - interval '2 days'")
        .execute()
        .compose(
            gone ->
                portal
                    .deskPool()
                    .preparedQuery(
                        "INSERT INTO hsds_import_batches (id, created_by, file_name, default_kind, records) "
                            + "VALUES ($1, $2, $3, $4, $5)")
                    .execute(Tuple.of(id, Desk.actor(ctx), name(fileName), kind, records)))
        .map(id);
  }

  private void apply(RoutingContext ctx) {
    String batch = ctx.pathParam("batch");
    EditorUser actor = Desk.user(ctx);
    portal
        .deskPool()
        .withTransaction(
            conn ->
                conn.preparedQuery(
                        "UPDATE hsds_import_batches SET imported_at = now() WHERE id = $1 AND created_by = $2 "
                            + "AND imported_at IS NULL AND created_at > now() - interval '1 day' "
                            + "RETURNING records, default_kind, file_name")
                    .execute(Tuple.of(batch, actor.login()))
                    .compose(
                        rows -> {
                          if (rows.size() == 0)
                            return Future.failedFuture(
                                HttpError.notFound("这批导入不存在、已过期或已经导入过了，请重新上传。"));
                          var r = rows.iterator().next();
                          List<HsdsIncoming> services = new ArrayList<>();
                          for (Object o : (JsonArray) r.getValue(0))
                            services.add(HsdsIncoming.fromJson((JsonObject) o));
                          return HsdsImportPlan.make(portal.vertx(), conn, services, r.getString(1))
                              .compose(plan -> write(conn, plan, actor, batch, r.getString(2)));
                        }))
        .onSuccess(n -> Desk.redirect(ctx, "/editor/stations?imported=" + n))
        .onFailure(ctx::fail);
  }

  private Future<Integer> write(
      SqlClient conn, HsdsImportPlan.Plan plan, EditorUser actor, String batch, String fileName) {
    Future<Void> chain = Future.succeededFuture();
    for (HsdsImportPlan.Write w : plan.writes()) {
      chain =
          chain
              .compose(v -> DeskStations.upsert(conn, w.draft(), actor))
              .compose(
                  inserted ->
                      StationHsdsIds.keep(
                          conn,
                          w.draft().slug(),
                          java.util.UUID.fromString(w.serviceId()),
                          w.locationId() == null
                              ? null
                              : java.util.UUID.fromString(w.locationId())))
              .mapEmpty();
    }
    return chain
        .compose(
            v ->
                AuditLog.record(
                    conn,
                    actor.login(),
                    "station.import.hsds",
                    "station",
                    null,
                    new JsonObject()
                        .put("batch", batch)
                        .put("file", fileName)
                        .put("created", plan.count("create"))
                        .put("updated", plan.count("update"))
                        .put("unchanged", plan.count("unchanged"))
                        .put("errors", plan.count("error"))))
        .map(v -> plan.writes().size());
  }

  private static String name(String fileName) {
    return fileName == null ? "" : fileName.length() > 200 ? fileName.substring(0, 200) : fileName;
  }
}

package cn.shegong.portal.editor;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.stations.ReportForm;
import cn.shegong.portal.web.Portal;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Residents' "report a mistake" submissions: open ones first, each resolved or dismissed by an
 * editor.
 */
final class ReportQueueRoutes {
  public record Report(
      long id,
      long stationId,
      String stationName,
      String stationSlug,
      String field,
      String correctValue,
      String contact,
      String status,
      OffsetDateTime createdAt,
      String handledBy) {}

  private final Portal portal;

  ReportQueueRoutes(Portal portal) {
    this.portal = portal;
  }

  void mount(DeskRouter desk) {
    desk.get("/editor/reports", Permission.VIEW_REPORTS).handler(this::list);
    desk.post("/editor/reports/:id", Permission.REVIEW_REPORTS).handler(this::decide);
  }

  private void list(RoutingContext ctx) {
    portal
        .deskPool()
        .query(
            "SELECT r.id, r.station_id, s.name, s.slug, r.field, r.correct_value, r.contact, r.status, "
                + "r.created_at, r.handled_by FROM station_reports r JOIN stations s ON s.id = r.station_id "
                + "ORDER BY r.status <> 'open', r.created_at DESC LIMIT 300")
        .execute()
        .map(
            rows -> {
              List<Report> out = new ArrayList<>();
              for (Row r : rows) {
                out.add(
                    new Report(
                        r.getLong(0),
                        r.getLong(1),
                        r.getString(2),
                        r.getString(3),
                        r.getString(4),
                        r.getString(5),
                        r.getString(6),
                        r.getString(7),
                        r.getOffsetDateTime(8),
                        r.getString(9)));
              }
              return out;
            })
        .compose(
            list ->
                portal
                    .pages()
                    .render(
                        ctx,
                        "editor/reports.ftlh",
                        Desk.model(ctx, Map.of("reports", list, "fieldLabels", ReportForm.FIELDS))))
        .onFailure(ctx::fail);
  }

  private void decide(RoutingContext ctx) {
    long id = Desk.id(ctx, "id");
    String decision = Desk.form(ctx, "decision");
    if (!decision.equals("resolved") && !decision.equals("dismissed")) {
      ctx.fail(HttpError.badRequest("处理结果应为 resolved（已更正）或 dismissed（不予采纳）"));
      return;
    }
    String actor = Desk.actor(ctx);
    portal
        .deskPool()
        .withTransaction(
            conn ->
                conn.preparedQuery(
                        "UPDATE station_reports SET status = $2, handled_by = $3, "
                            + "handled_at = now() WHERE id = $1 AND status = 'open' RETURNING station_id")
                    .execute(Tuple.of(id, decision, actor))
                    .compose(
                        rows ->
                            rows.size() == 0
                                ? Future.failedFuture(HttpError.notFound("这条反馈不存在或已经处理过了。"))
                                : AuditLog.record(
                                    conn,
                                    actor,
                                    "report." + decision,
                                    "station_report",
                                    id,
                                    new JsonObject()
                                        .put("station_id", rows.iterator().next().getLong(0)))))
        .onSuccess(v -> Desk.redirect(ctx, "/editor/reports"))
        .onFailure(ctx::fail);
  }
}

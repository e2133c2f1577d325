package cn.shegong.portal.editor;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.stations.ReportForm;
import cn.shegong.portal.stations.StationReports;
import cn.shegong.portal.web.Portal;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * Residents' "report a mistake" submissions: open ones first, each resolved or dismissed by an
 * editor.
 */
final class ReportQueueRoutes {
  private final Portal portal;

  ReportQueueRoutes(Portal portal) {
    this.portal = portal;
  }

  void mount(DeskRouter desk) {
    desk.get("/editor/reports", Permission.VIEW_REPORTS).handler(this::list);
    desk.post("/editor/reports/:id", Permission.REVIEW_REPORTS).handler(this::decide);
  }

  private void list(RoutingContext ctx) {
    StationReports.list(portal.deskPool(), 300)
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
                StationReports.decide(conn, id, decision, actor)
                    .compose(
                        station ->
                            station.isEmpty()
                                ? Future.failedFuture(HttpError.notFound("这条反馈不存在或已经处理过了。"))
                                : AuditLog.record(
                                    conn,
                                    actor,
                                    "report." + decision,
                                    "station_report",
                                    id,
                                    new JsonObject().put("station_id", station.get()))))
        .onSuccess(v -> Desk.redirect(ctx, "/editor/reports"))
        .onFailure(ctx::fail);
  }
}

package cn.shegong.portal.editor;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.common.Zones;
import cn.shegong.portal.stations.StationExceptions;
import cn.shegong.portal.web.Portal;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * /editor/station-updates: the invitations (create one for a station, see its link, revoke it) and
 * the review queue of what stations proposed, each proposal decided field by field.
 */
final class StationUpdateDeskRoutes {
  static final String BASE = "/editor/station-updates";

  private final Portal portal;
  private final UpdateLinks links;
  private final StationUpdateReview review;

  StationUpdateDeskRoutes(Portal portal, UpdateLinks links) {
    this.portal = portal;
    this.links = links;
    this.review = new StationUpdateReview(portal.deskPool());
  }

  void mount(DeskRouter desk) {
    desk.get(BASE, Permission.VIEW_STATIONS).handler(this::list);
    desk.post(BASE + "/invitations", Permission.INVITE_STATION_UPDATES).handler(this::invite);
    desk.post(BASE + "/invitations/:id/revoke", Permission.INVITE_STATION_UPDATES)
        .handler(this::revoke);
    desk.get(BASE + "/:id", Permission.VIEW_STATIONS).handler(this::show);
    desk.post(BASE + "/:id", Permission.REVIEW_STATION_UPDATES).handler(this::decide);
  }

  private void list(RoutingContext ctx) {
    var db = portal.deskPool();
    Future.all(
            new StationInvitations(db).list(),
            StationProposals.list(db),
            new DeskStations(db).list())
        .compose(
            all -> {
              List<StationInvitations.Invitation> invitations = all.resultAt(0);
              List<Future<String>> urls = new ArrayList<>();
              for (var i : invitations) urls.add(url(i));
              return Future.all(urls)
                  .compose(
                      done -> {
                        Map<String, Object> m = new HashMap<>();
                        Map<String, String> byId = new LinkedHashMap<>();
                        for (int k = 0; k < invitations.size(); k++)
                          byId.put(String.valueOf(invitations.get(k).id()), urls.get(k).result());
                        m.put("invitations", invitations);
                        m.put("links", byId);
                        m.put("proposals", all.resultAt(1));
                        m.put("stations", all.resultAt(2));
                        m.put("labels", StationUpdateForm.FIELDS);
                        m.put("created", ctx.queryParam("created").stream().findFirst().orElse(""));
                        return portal
                            .pages()
                            .render(ctx, "editor/station-updates.ftlh", Desk.model(ctx, m));
                      });
            })
        .onFailure(ctx::fail);
  }

  private Future<String> url(StationInvitations.Invitation i) {
    return links
        .token(i.id(), i.stationId())
        .map(t -> portal.config().publicBaseUrl() + StationUpdateRoutes.PATH + t);
  }

  private void invite(RoutingContext ctx) {
    long stationId;
    try {
      stationId = Long.parseLong(Desk.form(ctx, "station_id"));
    } catch (NumberFormatException e) {
      ctx.fail(HttpError.badRequest("请选择要邀请的服务站点。"));
      return;
    }
    String actor = Desk.actor(ctx);
    portal
        .deskPool()
        .withTransaction(
            conn ->
                new StationInvitations(conn)
                    .create(stationId, actor)
                    .compose(
                        id ->
                            id.isEmpty()
                                ? Future.<Long>failedFuture(
                                    HttpError.notFound(DeskStations.NOT_FOUND))
                                : AuditLog.record(
                                        conn,
                                        actor,
                                        "station.invitation.create",
                                        "station",
                                        stationId,
                                        new JsonObject().put("invitation", id.get()))
                                    .map(id.get())))
        .onSuccess(id -> Desk.redirect(ctx, BASE + "?created=" + id + "#invitation-" + id))
        .onFailure(ctx::fail);
  }

  private void revoke(RoutingContext ctx) {
    long id = Desk.id(ctx, "id");
    String actor = Desk.actor(ctx);
    portal
        .deskPool()
        .withTransaction(
            conn ->
                new StationInvitations(conn)
                    .revoke(id, actor)
                    .compose(
                        station ->
                            station.isEmpty()
                                ? Future.<Void>failedFuture(HttpError.notFound("这个链接不存在或已经撤销。"))
                                : AuditLog.record(
                                    conn,
                                    actor,
                                    "station.invitation.revoke",
                                    "station",
                                    station.get(),
                                    new JsonObject().put("invitation", id))))
        .onSuccess(v -> Desk.redirect(ctx, BASE + "#invitation-" + id))
        .onFailure(ctx::fail);
  }

  private Future<StationProposals.Proposal> proposal(RoutingContext ctx) {
    return StationProposals.find(portal.deskPool(), Desk.id(ctx, "id"))
        .map(o -> o.orElseThrow(() -> HttpError.notFound("没有找到这条站点更新。")));
  }

  private void show(RoutingContext ctx) {
    proposal(ctx).compose(p -> page(ctx, 200, p, List.of())).onFailure(ctx::fail);
  }

  private Future<Void> page(
      RoutingContext ctx, int status, StationProposals.Proposal p, List<String> errors) {
    LocalDate today = LocalDate.now(Zones.CHINA);
    var db = portal.deskPool();
    return new DeskStations(db)
        .find(p.stationId())
        .compose(
            station ->
                new StationExceptions(db)
                    .between(station.id(), today, today.plusYears(3))
                    .compose(
                        ex -> {
                          Map<String, Object> m = new HashMap<>();
                          m.put("proposal", p);
                          m.put("station", station);
                          m.put("current", StationUpdateForm.current(station, ex));
                          m.put("labels", StationUpdateForm.FIELDS);
                          m.put("errors", errors);
                          return portal
                              .pages()
                              .render(
                                  ctx,
                                  status,
                                  "editor/station-update-review.ftlh",
                                  Desk.model(ctx, m));
                        }));
  }

  private void decide(RoutingContext ctx) {
    int base = ArticleDeskRoutes.version(ctx);
    proposal(ctx)
        .compose(
            p -> {
              Map<String, Boolean> accepted = new HashMap<>();
              List<String> asked =
                  p.fields().isEmpty() ? List.of(StationUpdateReview.CONFIRM) : p.fields();
              for (String f : asked) {
                String d = Desk.form(ctx, "decision_" + f);
                if (!d.equals("accept") && !d.equals("reject"))
                  return page(
                      ctx,
                      400,
                      p,
                      List.of(
                          "请对每一项选择“采纳”或“不采纳”（"
                              + StationUpdateForm.FIELDS.getOrDefault(f, "确认信息无误")
                              + "）。"));
                accepted.put(f, d.equals("accept"));
              }
              return review
                  .decide(p, accepted, base, Desk.user(ctx))
                  .compose(
                      v -> {
                        Desk.redirect(ctx, BASE + "?reviewed=" + p.id());
                        return Future.<Void>succeededFuture();
                      })
                  .recover(
                      e ->
                          e instanceof StaleVersion stale
                              ? page(ctx, 409, p, List.of(stale.getMessage()))
                              : e instanceof HttpError h && h.status() == 400
                                  ? page(ctx, 400, p, List.of(h.getMessage()))
                                  : Future.failedFuture(e));
            })
        .onFailure(ctx::fail);
  }
}

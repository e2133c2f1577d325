package cn.shegong.portal.editor;

import cn.shegong.portal.common.ClientAddress;
import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.common.Zones;
import cn.shegong.portal.stations.Station;
import cn.shegong.portal.stations.StationException;
import cn.shegong.portal.stations.StationExceptions;
import cn.shegong.portal.web.Portal;
import cn.shegong.portal.web.SameOrigin;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * /stations/update/{token}: a station's staff, without an account or a cookie, see their record and
 * propose changes. The link is signed and names one station; the form carries a signed token and
 * must come from this site; bodies are small (16 KB); proposals are rate-limited per link and per
 * address ({@link StationProposals}) and change nothing until an editor reviews them.
 */
final class StationUpdateRoutes {
  static final String PATH = "/stations/update/";
  static final long BODY_LIMIT = 16 * 1024;

  record Link(
      StationInvitations.Invitation invitation,
      Station station,
      List<StationException> exceptions) {}

  private final Portal portal;
  private final UpdateLinks links;

  StationUpdateRoutes(Portal portal, UpdateLinks links) {
    this.portal = portal;
    this.links = links;
  }

  void mount(Router router) {
    router.get(PATH + ":token").handler(this::show);
    router
        .post(PATH + ":token")
        .handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT))
        .handler(this::submit);
  }

  private void show(RoutingContext ctx) {
    boolean sent = ctx.queryParam("sent").contains("1");
    open(ctx)
        .compose(
            link -> {
              Map<String, String> current = current(link);
              StationUpdateForm blank =
                  new StationUpdateForm(current, "", "", "", false, List.of());
              return render(ctx, 200, link, blank, sent);
            })
        .onFailure(ctx::fail);
  }

  private void submit(RoutingContext ctx) {
    if (!SameOrigin.check(ctx, portal.config().publicBaseUrl())) {
      ctx.fail(new HttpError(403, "请从本站的更新页面提交修改。"));
      return;
    }
    open(ctx)
        .compose(
            link ->
                links
                    .formTokenValid(
                        ctx.request().getFormAttribute("token"),
                        link.invitation().id(),
                        Instant.now())
                    .compose(
                        ok -> {
                          if (!ok)
                            return Future.failedFuture(
                                new HttpError(403, "表单已过期或无效，请重新打开更新链接后再填写。"));
                          return store(ctx, link);
                        }))
        .onFailure(ctx::fail);
  }

  private Future<Void> store(RoutingContext ctx, Link link) {
    StationUpdateForm form = StationUpdateForm.read(ctx.request().formAttributes());
    if (!form.valid()) return render(ctx, 400, link, form, false);
    var changes = form.changes(current(link));
    // nothing changed: only "all of it is right" is worth an editor's look (it confirms the record)
    if (changes.isEmpty() && !form.allCorrect())
      return render(ctx, 400, link, withError(form, "您没有修改任何信息。如果信息全部正确，请勾选“以上信息全部正确”后提交。"), false);
    if (!changes.isEmpty() && form.allCorrect())
      return render(ctx, 400, link, withError(form, "您修改了信息，又勾选了“以上信息全部正确”：请只选其一。"), false);
    String client = digest(ClientAddress.of(ctx, portal.config().trustedProxies()));
    return StationProposals.submit(
            portal.pool(),
            link.invitation().id(),
            link.station().id(),
            link.station().version(),
            form,
            changes,
            client)
        .compose(
            stored -> {
              if (stored != StationProposals.Stored.STORED) {
                ctx.response().putHeader("Retry-After", "3600");
                return Future.failedFuture(new HttpError(429, "提交得太频繁了，请一小时后再试。"));
              }
              ctx.response()
                  .setStatusCode(303)
                  .putHeader("Location", PATH + ctx.pathParam("token") + "?sent=1")
                  .end();
              return Future.<Void>succeededFuture();
            });
  }

  /** The invitation behind the link and its station: 404 unknown, 403 revoked, 410 expired. */
  private Future<Link> open(RoutingContext ctx) {
    String token = ctx.pathParam("token");
    var id = UpdateLinks.idOf(token);
    HttpError unknown = HttpError.notFound("没有找到这个更新链接，请核对链接是否完整，或联系发给您链接的编辑。");
    if (id.isEmpty()) return Future.failedFuture(unknown);
    return new StationInvitations(portal.pool())
        .find(id.getAsLong())
        .compose(
            found -> {
              if (found.isEmpty()) return Future.failedFuture(unknown);
              var inv = found.get();
              return links
                  .matches(token, inv.id(), inv.stationId())
                  .compose(
                      ok -> {
                        if (!ok) return Future.failedFuture(unknown);
                        if (inv.revoked())
                          return Future.failedFuture(
                              new HttpError(403, "此更新链接已被编辑撤销，不能再使用。如需更新站点信息，请联系编辑索取新的链接。"));
                        if (inv.expired())
                          return Future.failedFuture(
                              new HttpError(
                                  410,
                                  "此更新链接已于 " + day(inv) + " 过期（链接有效期 14 天）。如需更新站点信息，请联系编辑索取新的链接。"));
                        return load(inv);
                      });
            });
  }

  private Future<Link> load(StationInvitations.Invitation inv) {
    LocalDate today = LocalDate.now(Zones.CHINA);
    return new DeskStations(portal.pool())
        .find(inv.stationId())
        .compose(
            station ->
                new StationExceptions(portal.pool())
                    .between(station.id(), today, today.plusYears(3))
                    .map(ex -> new Link(inv, station, ex)));
  }

  private Future<Void> render(
      RoutingContext ctx, int status, Link link, StationUpdateForm form, boolean sent) {
    return links
        .formToken(link.invitation().id(), Instant.now())
        .compose(
            token -> {
              Map<String, Object> m = new HashMap<>();
              m.put("station", link.station());
              m.put("values", form.values());
              m.put("current", current(link));
              m.put("fields", StationUpdateForm.FIELDS);
              m.put(
                  "form",
                  Map.of(
                      "name",
                      form.name(),
                      "role",
                      form.role(),
                      "note",
                      form.note(),
                      "allCorrect",
                      form.allCorrect()));
              m.put("errors", form.errors());
              m.put("formToken", token);
              m.put("action", PATH + ctx.pathParam("token"));
              m.put("sent", sent);
              m.put("expiresOn", day(link.invitation()));
              // the link is the staff's key: never cached, never sent on as a Referer
              ctx.response()
                  .putHeader("Cache-Control", "no-store")
                  .putHeader("Referrer-Policy", "no-referrer")
                  .putHeader("X-Robots-Tag", "noindex");
              return portal.pages().render(ctx, status, "stations/update.ftlh", m);
            });
  }

  private static Map<String, String> current(Link link) {
    return StationUpdateForm.current(link.station(), link.exceptions());
  }

  private static StationUpdateForm withError(StationUpdateForm f, String error) {
    return new StationUpdateForm(f.values(), f.name(), f.role(), f.note(), false, List.of(error));
  }

  private static String day(StationInvitations.Invitation inv) {
    return inv.expiresAt().atZoneSameInstant(Zones.CHINA).toLocalDate().toString();
  }

  /** The address is kept only as a digest, and only to count submissions. */
  private static String digest(String address) {
    return Secrets.sha256Hex("station-update-client:" + address);
  }
}

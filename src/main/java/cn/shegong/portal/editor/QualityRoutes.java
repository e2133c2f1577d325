package cn.shegong.portal.editor;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.common.Params;
import cn.shegong.portal.stations.StationKind;
import cn.shegong.portal.stations.StationQuality;
import cn.shegong.portal.stations.Verification;
import cn.shegong.portal.web.Portal;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;

/** /editor/quality: the list editors work from the top, and "确认信息无误" with how it was confirmed. */
final class QualityRoutes {
  private final Portal portal;
  private final StationQuality list;
  private final DeskStations stations;

  QualityRoutes(Portal portal) {
    this.portal = portal;
    this.list = new StationQuality(portal.pool());
    this.stations = new DeskStations(portal.pool());
  }

  void mount(DeskRouter desk) {
    desk.get("/editor/quality", Permission.EDIT_STATIONS).handler(this::page);
    desk.post("/editor/quality/:id/confirm", Permission.EDIT_STATIONS).handler(this::confirm);
  }

  private void page(RoutingContext ctx) {
    String province = Params.text(ctx, "province", 60).orElse("");
    String city = Params.text(ctx, "city", 60).orElse("");
    String kind = Params.text(ctx, "kind", 20).orElse("");
    if (!kind.isEmpty() && StationKind.fromCode(kind).isEmpty())
      throw HttpError.badRequest("未知的站点类型：" + kind);
    String order = Params.text(ctx, "sort", 20).orElse("score");
    if (!StationQuality.ORDERS.containsKey(order))
      throw HttpError.badRequest("排序方式应为 score、views、reports、verified 或 name");
    Future.all(list.stations(province, city, kind, order), list.regions(province, city, kind))
        .compose(
            both -> {
              Map<String, Object> model = new HashMap<>();
              model.put("rows", both.resultAt(0));
              model.put("regions", both.resultAt(1));
              model.put("province", province);
              model.put("city", city);
              model.put("kind", kind);
              model.put("sort", order);
              model.put("kinds", StationKind.values());
              model.put("hows", Verification.How.values());
              model.put("limit", StationQuality.LIMIT);
              return portal.pages().render(ctx, "editor/quality.ftlh", Desk.model(ctx, model));
            })
        .onFailure(ctx::fail);
  }

  private void confirm(RoutingContext ctx) {
    long id = Desk.id(ctx, "id");
    Verification.How how = Verification.How.fromCode(Desk.form(ctx, "how"));
    if (how == null) {
      ctx.fail(HttpError.badRequest("请选择核实方式：电话核实、实地走访或站点自行更新"));
      return;
    }
    stations
        .confirm(id, Desk.user(ctx), how)
        .onSuccess(v -> Desk.redirect(ctx, "/editor/quality"))
        .onFailure(ctx::fail);
  }
}

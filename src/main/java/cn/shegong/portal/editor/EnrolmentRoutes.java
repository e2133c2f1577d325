package cn.shegong.portal.editor;

import cn.shegong.portal.web.Portal;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/**
 * /editor/2fa: enrolling one's own second factor. The QR code of the otpauth:// URI is drawn here
 * (on a worker), the first code from the app confirms it, and the ten recovery codes are shown this
 * once. Reachable while the desk is otherwise closed to an account that must enrol ({@link
 * DeskAuth}).
 */
final class EnrolmentRoutes {
  static final String ENROL = "/editor/2fa";

  private final Portal portal;
  private final SecondFactors factors;

  EnrolmentRoutes(Portal portal) {
    this.portal = portal;
    this.factors = new SecondFactors(portal.deskPool());
  }

  void mount(DeskRouter desk) {
    desk.get(ENROL, Permission.VIEW_DESK).handler(ctx -> page(ctx, 200, "").onFailure(ctx::fail));
    desk.post(ENROL, Permission.VIEW_DESK).handler(this::confirm);
  }

  private Future<Void> page(RoutingContext ctx, int status, String message) {
    EditorUser me = Desk.user(ctx);
    return factors
        .enrolled(me.id())
        .compose(
            enrolled -> {
              if (enrolled) {
                return factors
                    .unusedRecoveryCodes(me.id())
                    .compose(
                        left ->
                            render(
                                ctx,
                                status,
                                Map.of(
                                    "enrolled", true, "recoveryLeft", left, "message", message)));
              }
              return factors
                  .pendingSecret(me.id())
                  .compose(
                      secret ->
                          portal
                              .vertx()
                              .executeBlocking(
                                  () -> Totp.qrSvg(Totp.uri(me.login(), secret)), false)
                              .compose(
                                  svg ->
                                      render(
                                          ctx,
                                          status,
                                          Map.of(
                                              "enrolled",
                                              false,
                                              "secret",
                                              secret,
                                              "qr",
                                              svg,
                                              "message",
                                              message))));
            });
  }

  private Future<Void> render(RoutingContext ctx, int status, Map<String, Object> model) {
    return portal.pages().render(ctx, status, "editor/two-factor.ftlh", Desk.model(ctx, model));
  }

  private void confirm(RoutingContext ctx) {
    EditorUser me = Desk.user(ctx);
    factors
        .confirm(me.id(), Desk.form(ctx, "code"))
        .compose(
            codes ->
                codes.isEmpty()
                    ? page(ctx, 400, "验证码不正确，请用验证器 App 显示的 6 位数字重试。")
                    : AuditLog.record(
                            portal.deskPool(),
                            me.login(),
                            "2fa.enrol",
                            "user",
                            me.id(),
                            new JsonObject())
                        .compose(v -> shown(ctx, codes.get())))
        .onFailure(ctx::fail);
  }

  private Future<Void> shown(RoutingContext ctx, List<String> codes) {
    return render(
        ctx,
        200,
        Map.of(
            "enrolled", true, "recoveryCodes", codes, "recoveryLeft", codes.size(), "message", ""));
  }
}

package cn.shegong.portal.editor;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.web.Portal;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Accounts and API tokens: admin-only (DeskAuth refuses everyone else on /editor/users). */
final class UserAdminRoutes {
  public record Account(
      long id, String login, String role, boolean disabled, boolean secondFactor) {}

  private final Portal portal;
  private final ApiTokens tokens;

  UserAdminRoutes(Portal portal) {
    this.portal = portal;
    this.tokens = new ApiTokens(portal.deskPool());
  }

  void mount(DeskRouter desk) {
    desk.get("/editor/users", Permission.MANAGE_ACCOUNTS)
        .handler(ctx -> page(ctx, 200, "").onFailure(ctx::fail));
    desk.post("/editor/users", Permission.MANAGE_ACCOUNTS).handler(this::create);
    desk.post("/editor/users/:id/disable", Permission.MANAGE_ACCOUNTS).handler(this::disable);
    desk.post("/editor/users/:id/2fa/reset", Permission.MANAGE_ACCOUNTS)
        .handler(this::resetSecondFactor);
    desk.post("/editor/users/tokens/:id/revoke", Permission.MANAGE_ACCOUNTS)
        .handler(
            ctx ->
                tokens
                    .revoke(Desk.id(ctx, "id"))
                    .compose(
                        done ->
                            AuditLog.record(
                                portal.deskPool(),
                                Desk.actor(ctx),
                                "token.revoke",
                                "api_token",
                                Desk.id(ctx, "id"),
                                null))
                    .onSuccess(v -> Desk.redirect(ctx, "/editor/users"))
                    .onFailure(ctx::fail));
  }

  private Future<Void> page(RoutingContext ctx, int status, String message) {
    Future<List<Account>> accounts =
        portal
            .deskPool()
            .query(
                "SELECT u.id, u.login, u.role, u.disabled, "
                    + SecondFactors.ENROLLED
                    + " FROM users u ORDER BY u.login")
            .execute()
            .map(
                rows -> {
                  List<Account> out = new ArrayList<>();
                  for (Row r : rows)
                    out.add(
                        new Account(
                            r.getLong(0),
                            r.getString(1),
                            r.getString(2),
                            r.getBoolean(3),
                            r.getBoolean(4)));
                  return out;
                });
    return Future.all(accounts, tokens.list())
        .compose(
            all ->
                portal
                    .pages()
                    .render(
                        ctx,
                        status,
                        "editor/users.ftlh",
                        Desk.model(
                            ctx,
                            Map.of(
                                "accounts",
                                accounts.result(),
                                "tokens",
                                all.resultAt(1),
                                "message",
                                message))));
  }

  private void create(RoutingContext ctx) {
    String login = Desk.form(ctx, "login");
    String role = Desk.form(ctx, "role");
    String password = ctx.request().getFormAttribute("password");
    String problem =
        !login.matches("[A-Za-z0-9_.@-]{2,64}")
            ? "登录名应为 2–64 个字母、数字或 _.@-"
            : Role.find(role).isEmpty()
                ? "角色应为 editor、admin 或 contributor"
                : password == null || password.length() < UserCommand.MIN_PASSWORD
                    ? "密码至少 " + UserCommand.MIN_PASSWORD + " 个字符"
                    : password.length() > LoginRoutes.MAX_PASSWORD ? LoginRoutes.TOO_LONG : null;
    if (problem != null) {
      page(ctx, 400, problem).onFailure(ctx::fail);
      return;
    }
    portal
        .vertx()
        .executeBlocking(() -> PasswordHasher.hash(password.toCharArray()), false)
        .compose(
            hash ->
                portal
                    .deskPool()
                    .withTransaction(
                        conn ->
                            conn.preparedQuery(
                                    "INSERT INTO users (login, "
                                        + "password_hash, role) VALUES ($1, $2, $3) ON CONFLICT (login) DO NOTHING RETURNING id")
                                .execute(Tuple.of(login, hash, role))
                                .compose(
                                    rows ->
                                        rows.size() == 0
                                            ? Future.succeededFuture(false)
                                            : AuditLog.record(
                                                    conn,
                                                    Desk.actor(ctx),
                                                    "user.create",
                                                    "user",
                                                    rows.iterator().next().getLong(0),
                                                    new JsonObject()
                                                        .put("login", login)
                                                        .put("role", role))
                                                .map(true))))
        .onSuccess(
            created -> {
              if (created) Desk.redirect(ctx, "/editor/users");
              else page(ctx, 409, "登录名 " + login + " 已被使用").onFailure(ctx::fail);
            })
        .onFailure(ctx::fail);
  }

  /**
   * A lost phone: the account enrols again at its next sign-in. Audited in the same transaction.
   */
  private void resetSecondFactor(RoutingContext ctx) {
    long id = Desk.id(ctx, "id");
    portal
        .deskPool()
        .withTransaction(
            conn ->
                new SecondFactors(portal.deskPool())
                    .reset(conn, id)
                    .compose(
                        done ->
                            !done
                                ? Future.failedFuture(HttpError.notFound("这个账号没有启用两步验证。"))
                                : AuditLog.record(
                                    conn, Desk.actor(ctx), "2fa.reset", "user", id, null)))
        .onSuccess(v -> Desk.redirect(ctx, "/editor/users"))
        .onFailure(ctx::fail);
  }

  /**
   * Disabling also ends the account's sessions at once; its tokens stop working (the API answers
   * 403).
   */
  private void disable(RoutingContext ctx) {
    long id = Desk.id(ctx, "id");
    if (id == Desk.session(ctx).user().id()) {
      ctx.fail(HttpError.badRequest("不能停用自己的账号。"));
      return;
    }
    portal
        .deskPool()
        .withTransaction(
            conn ->
                conn.preparedQuery("UPDATE users SET disabled = true WHERE id = $1")
                    .execute(Tuple.of(id))
                    .compose(
                        rows -> {
                          if (rows.rowCount() == 0)
                            return Future.failedFuture(HttpError.notFound("没有这个账号。"));
                          return conn.preparedQuery("DELETE FROM sessions WHERE user_id = $1")
                              .execute(Tuple.of(id))
                              .compose(
                                  v ->
                                      AuditLog.record(
                                          conn, Desk.actor(ctx), "user.disable", "user", id, null));
                        }))
        .onSuccess(v -> Desk.redirect(ctx, "/editor/users"))
        .onFailure(ctx::fail);
  }
}

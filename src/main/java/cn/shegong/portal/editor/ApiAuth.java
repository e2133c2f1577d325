package cn.shegong.portal.editor;

import cn.shegong.portal.common.HttpError;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Bearer tokens for the editor API: no cookies, so no CSRF. 401 without a valid, unexpired token,
 * 403 for an account that may not act.
 */
final class ApiAuth implements Handler<RoutingContext> {
  static final String USER = "apiUser";
  static final String EXPIRED = "API 令牌已过期，请用 ./portal token create 生成新的令牌。";

  private final ApiTokens tokens;
  private final TwoFactorRule rule;

  ApiAuth(ApiTokens tokens, TwoFactorRule rule) {
    this.tokens = tokens;
    this.rule = rule;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "no-store");
    String header = ctx.request().getHeader("Authorization");
    String raw =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? header.substring(7).strip()
            : null;
    tokens
        .find(raw)
        .onFailure(ctx::fail)
        .onSuccess(
            holder -> {
              if (holder.isEmpty()) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"editor\"");
                ctx.fail(new HttpError(401, "需要有效的 API 令牌（Authorization: Bearer …）。"));
              } else if (holder.get().expired()) {
                ctx.response()
                    .putHeader(
                        "WWW-Authenticate", "Bearer realm=\"editor\", error=\"invalid_token\"");
                ctx.fail(new HttpError(401, EXPIRED));
              } else if (holder.get().disabled()) {
                ctx.fail(new HttpError(403, "此账号已停用，不能再编辑内容。"));
              } else if (rule.mustEnrol(holder.get().user(), holder.get().secondFactor())) {
                ctx.fail(new HttpError(403, TwoFactorRule.MESSAGE));
              } else {
                ctx.put(USER, holder.get().user());
                ctx.next();
              }
            });
  }
}

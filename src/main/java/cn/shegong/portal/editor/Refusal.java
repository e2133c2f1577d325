package cn.shegong.portal.editor;

import cn.shegong.portal.common.HttpError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

/** The data layer's 403: audited (who, what, which permission was missing), nothing changed. */
final class Refusal {
  private Refusal() {}

  static <T> Future<T> of(Pool pool, EditorUser actor, String entity, Long id, Permission missing) {
    return AuditLog.record(
            pool,
            actor.login(),
            "access.refused",
            entity,
            id,
            new JsonObject().put("permission", missing.name()))
        .transform(
            done ->
                Future.failedFuture(
                    new HttpError(
                        403,
                        "您的角色（"
                            + actor.role().label()
                            + "）没有“"
                            + missing.label()
                            + "”的权限，未作任何修改。")));
  }
}

package cn.shegong.portal.editor;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Who did what, when. Written in the same transaction as the change it describes. */
public final class AuditLog {
  public record Entry(
      long id,
      OffsetDateTime at,
      String actor,
      String action,
      String entity,
      Long entityId,
      String detail) {}

  private AuditLog() {}

  public static Future<Void> record(
      SqlClient db, String actor, String action, String entity, Long entityId, JsonObject detail) {
    return db.preparedQuery(
            "INSERT INTO audit_log (actor, action, entity, entity_id, detail) VALUES ($1, $2, $3, $4, $5)")
        .execute(
            Tuple.of(actor, action, entity, entityId, detail == null ? new JsonObject() : detail))
        .mapEmpty();
  }

  public static Future<List<Entry>> latest(SqlClient db, int offset, int limit) {
    return db.preparedQuery(
            "SELECT id, at, actor, action, entity, entity_id, detail::text AS detail FROM audit_log "
                + "ORDER BY at DESC, id DESC OFFSET $1 LIMIT $2")
        .execute(Tuple.of(offset, limit))
        .map(
            rows -> {
              List<Entry> out = new ArrayList<>();
              for (Row r : rows) {
                out.add(
                    new Entry(
                        r.getLong("id"),
                        r.getOffsetDateTime("at"),
                        r.getString("actor"),
                        r.getString("action"),
                        r.getString("entity"),
                        r.getLong("entity_id"),
                        r.getString("detail")));
              }
              return out;
            });
  }

  public static Future<Long> count(SqlClient db) {
    return db.query("SELECT count(*) FROM audit_log")
        .execute()
        .map(rows -> rows.iterator().next().getLong(0));
  }
}

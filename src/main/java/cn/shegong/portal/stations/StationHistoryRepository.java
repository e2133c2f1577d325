package cn.shegong.portal.stations;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SQL for station_changes (written by the database trigger of V106) and the read-only view
 * station_audit_public over the editors' audit log, which says when and what kind of change, never
 * who. Nothing here reads the audit log itself.
 */
public final class StationHistoryRepository {
  /** The audit row of the same transaction: both rows carry that transaction's now(). */
  private static final String ACTION =
      "(SELECT a.action FROM station_audit_public a WHERE a.at = c.at AND (a.station_id = c.station_id "
          + "OR (a.station_id IS NULL AND a.action = 'station.import')) ORDER BY a.id LIMIT 1)";

  private static final String CHANGES =
      "SELECT c.station_id, s.slug, s.name, s.kind, c.id, c.at, "
          + ACTION
          + " AS action, c.changes::text AS changes, c.verified_at, c.verified_how "
          + "FROM station_changes c JOIN stations s ON s.id = c.station_id ";

  /** A confirmation that changed no field (the same day, the same way) is still worth showing. */
  private static final String CONFIRMATIONS =
      "SELECT a.station_id, s.slug, s.name, s.kind, 0::bigint AS id, a.at, a.action, '{}' AS changes, "
          + "(a.at AT TIME ZONE 'Asia/Shanghai')::date AS verified_at, "
          + "coalesce(substring(a.action from '^station\\.verify\\.(.*)$'), '') AS verified_how "
          + "FROM station_audit_public a JOIN stations s ON s.id = a.station_id "
          + "WHERE a.station_id = $1 AND a.action LIKE 'station.verify%' AND NOT EXISTS "
          + "(SELECT 1 FROM station_changes c WHERE c.station_id = a.station_id AND c.at = a.at)";

  private final SqlClient db;

  public StationHistoryRepository(SqlClient db) {
    this.db = db;
  }

  /** One station's changes and confirmations, newest first. */
  public Future<List<StationChange>> forStation(long stationId, int limit) {
    return db.preparedQuery(
            CHANGES
                + "WHERE c.station_id = $1 UNION ALL "
                + CONFIRMATIONS
                + " ORDER BY at DESC, id DESC LIMIT $2")
        .execute(Tuple.of(stationId, limit))
        .map(StationHistoryRepository::mapAll);
  }

  /** The newest changes of the whole directory, or of one kind of station. */
  public Future<List<StationChange>> latest(Optional<StationKind> kind, int limit) {
    return db.preparedQuery(
            CHANGES
                + "WHERE s.origin <> 'synthetic' AND ($1::text IS NULL OR s.kind = $1) "
                + "ORDER BY c.at DESC, c.id DESC LIMIT $2")
        .execute(Tuple.of(kind.map(StationKind::code).orElse(null), limit))
        .map(StationHistoryRepository::mapAll);
  }

  private static List<StationChange> mapAll(RowSet<Row> rows) {
    List<StationChange> out = new ArrayList<>();
    for (Row r : rows) {
      List<StationChange.Field> fields =
          StationChangeText.fields(new JsonObject(r.getString("changes")));
      String action = r.getString("action");
      // a save that changed only what the public never sees leaves nothing to show
      if (fields.isEmpty() && (action == null || !action.startsWith("station.verify"))) continue;
      out.add(
          new StationChange(
              r.getLong("station_id"),
              r.getString("slug"),
              r.getString("name"),
              StationKind.fromCode(r.getString("kind")).orElse(StationKind.TOWNSHIP),
              r.getLong("id"),
              r.getOffsetDateTime("at"),
              StationChangeText.action(action),
              fields,
              r.getLocalDate("verified_at"),
              Verification.How.fromCode(r.getString("verified_how"))));
    }
    return out;
  }
}

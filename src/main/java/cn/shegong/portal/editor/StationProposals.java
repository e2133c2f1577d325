package cn.shegong.portal.editor;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The station_update_proposals table: what a station's staff proposed through an invitation,
 * pending until an editor decides each field. Stores at most {@link #PER_LINK_PER_HOUR} a link and
 * {@link #PER_ADDRESS_PER_HOUR} an address in an hour, counted in the database so every process
 * agrees.
 */
final class StationProposals {
  static final int PER_LINK_PER_HOUR = 5;
  static final int PER_ADDRESS_PER_HOUR = 10;

  public record Proposal(
      long id,
      long invitationId,
      long stationId,
      String stationName,
      int stationVersion,
      String proposerName,
      String proposerRole,
      String note,
      JsonObject changes,
      String status,
      JsonObject decisions,
      String reviewedBy,
      OffsetDateTime createdAt) {
    public boolean pending() {
      return status.equals("pending");
    }

    /** What the field was when the staff opened the form. */
    public String oldOf(String field) {
      return changes.getJsonObject(field).getString("old");
    }

    public String newOf(String field) {
      return changes.getJsonObject(field).getString("new");
    }

    /** accepted, rejected, or empty while pending. */
    public String decision(String field) {
      return decisions == null ? "" : decisions.getString(field, "");
    }

    /** For templates: the proposed fields in the form's order. */
    public List<String> fields() {
      return StationUpdateForm.FIELDS.keySet().stream().filter(changes::containsKey).toList();
    }
  }

  enum Stored {
    STORED,
    LINK_LIMIT,
    ADDRESS_LIMIT
  }

  private static final String SELECT =
      "SELECT p.id, p.invitation_id, p.station_id, s.name, p.station_version, p.proposer_name, "
          + "p.proposer_role, p.note, p.changes, p.status, p.decisions, p.reviewed_by, p.created_at "
          + "FROM station_update_proposals p JOIN stations s ON s.id = p.station_id ";

  /** Stores the proposal with its audit entry unless a limit is reached; one transaction. */
  static Future<Stored> submit(
      Pool pool,
      long invitationId,
      long stationId,
      int version,
      StationUpdateForm form,
      JsonObject changes,
      String clientKey) {
    return pool.withTransaction(
        c ->
            c.preparedQuery(
                    "SELECT pg_advisory_xact_lock(hashtextextended($1, 5)), "
                        + "pg_advisory_xact_lock(hashtextextended($2, 5))")
                .execute(
                    Tuple.of("station-update-link:" + invitationId, "station-update:" + clientKey))
                .compose(
                    locked ->
                        c.preparedQuery(
                                "SELECT count(*) FILTER (WHERE invitation_id = $1), count(*) FILTER (WHERE client_key = $2) "
                                    + "FROM station_update_proposals WHERE (invitation_id = $1 OR client_key = $2) "
                                    + "AND created_at > now() - interval '1 hour'")
                            .execute(Tuple.of(invitationId, clientKey)))
                .compose(
                    rows -> {
                      Row r = rows.iterator().next();
                      if (r.getLong(0) >= PER_LINK_PER_HOUR)
                        return Future.succeededFuture(Stored.LINK_LIMIT);
                      if (r.getLong(1) >= PER_ADDRESS_PER_HOUR)
                        return Future.succeededFuture(Stored.ADDRESS_LIMIT);
                      return c.preparedQuery(
                              "INSERT INTO station_update_proposals (invitation_id, station_id, station_version, "
                                  + "proposer_name, proposer_role, note, changes, client_key) "
                                  + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id")
                          .execute(
                              Tuple.from(
                                  new Object[] {
                                    invitationId,
                                    stationId,
                                    version,
                                    form.name(),
                                    form.role(),
                                    form.note(),
                                    changes,
                                    clientKey
                                  }))
                          .compose(
                              ins ->
                                  AuditLog.record(
                                      c,
                                      "站点：" + form.name() + "（" + form.role() + "）",
                                      "station.update_proposal",
                                      "station",
                                      stationId,
                                      new JsonObject()
                                          .put("proposal", ins.iterator().next().getLong(0))
                                          .put("invitation", invitationId)
                                          .put(
                                              "fields",
                                              changes.fieldNames().stream().sorted().toList())))
                          .map(Stored.STORED);
                    }));
  }

  static Future<List<Proposal>> list(SqlClient db) {
    return db.query(
            SELECT + "ORDER BY p.status <> 'pending', p.created_at DESC, p.id DESC LIMIT 300")
        .execute()
        .map(
            rows -> {
              List<Proposal> out = new ArrayList<>();
              for (Row r : rows) out.add(map(r));
              return out;
            });
  }

  static Future<Optional<Proposal>> find(SqlClient db, long id) {
    return db.preparedQuery(SELECT + "WHERE p.id = $1")
        .execute(Tuple.of(id))
        .map(
            rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
  }

  /** Records the decisions once; false when the proposal was already reviewed. */
  static Future<Boolean> markReviewed(SqlClient db, long id, JsonObject decisions, String actor) {
    return db.preparedQuery(
            "UPDATE station_update_proposals SET status = 'reviewed', decisions = $2, reviewed_by = $3, "
                + "reviewed_at = now() WHERE id = $1 AND status = 'pending' RETURNING id")
        .execute(Tuple.of(id, decisions, actor))
        .map(rows -> rows.size() > 0);
  }

  private static Proposal map(Row r) {
    return new Proposal(
        r.getLong("id"),
        r.getLong("invitation_id"),
        r.getLong("station_id"),
        r.getString("name"),
        r.getInteger("station_version"),
        r.getString("proposer_name"),
        r.getString("proposer_role"),
        r.getString("note"),
        (JsonObject) r.getValue("changes"),
        r.getString("status"),
        (JsonObject) r.getValue("decisions"),
        r.getString("reviewed_by"),
        r.getOffsetDateTime("created_at"));
  }
}

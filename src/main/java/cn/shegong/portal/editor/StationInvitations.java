package cn.shegong.portal.editor;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The station_update_invitations table: one link for one station, expiring, revocable. */
final class StationInvitations {
  /** An invitation as the desk lists it and the link checks it. */
  public record Invitation(
      long id,
      long stationId,
      String stationName,
      String createdBy,
      OffsetDateTime createdAt,
      OffsetDateTime expiresAt,
      OffsetDateTime revokedAt,
      String revokedBy,
      boolean expired,
      long proposals) {
    public boolean revoked() {
      return revokedAt != null;
    }

    public boolean live() {
      return !revoked() && !expired;
    }

    /** For the desk: 有效, 已过期 or 已撤销. */
    public String stateLabel() {
      return revoked() ? "已撤销" : expired ? "已过期" : "有效";
    }
  }

  private static final String SELECT =
      "SELECT i.id, i.station_id, s.name, i.created_by, i.created_at, i.expires_at, i.revoked_at, "
          + "i.revoked_by, i.expires_at <= now() AS expired, "
          + "(SELECT count(*) FROM station_update_proposals p WHERE p.invitation_id = i.id) AS proposals "
          + "FROM station_update_invitations i JOIN stations s ON s.id = i.station_id ";

  private final SqlClient db;

  StationInvitations(SqlClient db) {
    this.db = db;
  }

  /**
   * A new invitation for the station, expiring after {@link UpdateLinks#LIFETIME}; empty when the
   * station does not exist.
   */
  Future<Optional<Long>> create(long stationId, String actor) {
    return db.preparedQuery(
            "INSERT INTO station_update_invitations (station_id, created_by, expires_at) "
                + "SELECT id, $2, now() + make_interval(days => $3) FROM stations WHERE id = $1 RETURNING id")
        .execute(Tuple.of(stationId, actor, (int) UpdateLinks.LIFETIME.toDays()))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(rows.iterator().next().getLong(0)));
  }

  Future<Optional<Invitation>> find(long id) {
    return db.preparedQuery(SELECT + "WHERE i.id = $1")
        .execute(Tuple.of(id))
        .map(
            rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
  }

  /** The newest first: live ones, then the rest. */
  Future<List<Invitation>> list() {
    return db.query(
            SELECT
                + "ORDER BY (i.revoked_at IS NULL AND i.expires_at > now()) DESC, i.created_at DESC, i.id DESC LIMIT 300")
        .execute()
        .map(
            rows -> {
              List<Invitation> out = new ArrayList<>();
              for (Row r : rows) out.add(map(r));
              return out;
            });
  }

  /**
   * Revokes a live or expired invitation; answers the station's id, empty when there is nothing to
   * revoke.
   */
  Future<Optional<Long>> revoke(long id, String actor) {
    return db.preparedQuery(
            "UPDATE station_update_invitations SET revoked_at = now(), revoked_by = $2 "
                + "WHERE id = $1 AND revoked_at IS NULL RETURNING station_id")
        .execute(Tuple.of(id, actor))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(rows.iterator().next().getLong(0)));
  }

  private static Invitation map(Row r) {
    return new Invitation(
        r.getLong("id"),
        r.getLong("station_id"),
        r.getString("name"),
        r.getString("created_by"),
        r.getOffsetDateTime("created_at"),
        r.getOffsetDateTime("expires_at"),
        r.getOffsetDateTime("revoked_at"),
        r.getString("revoked_by"),
        r.getBoolean("expired"),
        r.getLong("proposals"));
  }
}

package cn.shegong.portal.stations;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The HSDS service and location ids a station was imported with (stations.hsds_service_id,
 * hsds_location_id), so that a second package updates it rather than adding it again.
 */
public final class StationHsdsIds {
  /** A station with the ids it came with (null when it came from elsewhere). */
  public record Known(Station station, String serviceId, String locationId) {}

  private StationHsdsIds() {}

  /** The stations that carry one of these service ids or have one of these slugs. */
  public static Future<List<Known>> find(SqlClient db, List<UUID> serviceIds, List<String> slugs) {
    return db.preparedQuery(
            "SELECT "
                + StationRows.COLUMNS
                + ", s.hsds_service_id::text AS hsds_sid, s.hsds_location_id::text AS hsds_lid "
                + "FROM stations s WHERE s.hsds_service_id = ANY($1) OR s.slug = ANY($2)")
        .execute(
            Tuple.of(
                (Object) serviceIds.toArray(UUID[]::new), (Object) slugs.toArray(String[]::new)))
        .map(
            rows -> {
              List<Known> out = new ArrayList<>();
              for (Row r : rows)
                out.add(
                    new Known(
                        StationRows.map(r), r.getString("hsds_sid"), r.getString("hsds_lid")));
              return out;
            });
  }

  /** The slugs of stations that came with no HSDS id (the portal's own). */
  public static Future<List<String>> slugsWithoutIds(SqlClient db) {
    return db.query("SELECT slug FROM stations WHERE hsds_service_id IS NULL")
        .execute()
        .map(
            rows -> {
              List<String> out = new ArrayList<>();
              for (Row r : rows) out.add(r.getString(0));
              return out;
            });
  }

  /** Records the ids a station came with; a location id left out keeps the stored one. */
  public static Future<Void> keep(SqlClient conn, String slug, UUID serviceId, UUID locationId) {
    return conn.preparedQuery(
            "UPDATE stations SET hsds_service_id = $2, "
                + "hsds_location_id = coalesce($3, hsds_location_id) WHERE slug = $1")
        .execute(Tuple.of(slug, serviceId, locationId))
        .mapEmpty();
  }
}

package cn.shegong.portal.stations;

import cn.shegong.portal.common.Region;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.List;

/** The stations table's row mapping: the columns every reader selects and the record they make. */
public final class StationRows {
  /**
   * When the public record last changed: the desk's last edit, else the day it was last verified,
   * else created.
   */
  public static final String MODIFIED =
      "coalesce(s.edited_at, (s.verified_at::timestamp AT TIME ZONE 'Asia/Shanghai'), s.created_at)";

  public static final String COLUMNS =
      "s.id, s.slug, s.name, s.kind, s.organization, s.description, s.address, "
          + "s.province, s.city, s.district, s.township, s.latitude, s.longitude, s.location_precision, s.phone, "
          + "s.opening_hours, s.services, s.target_groups, s.status, s.verified_at, "
          + "(SELECT slug FROM articles WHERE id = s.source_article_id) AS source_article_slug, "
          + "s.version, s.created_at, "
          + MODIFIED
          + " AS updated_at";

  /** The list's order, for the database's pages and the copy kept in memory alike. */
  public static final String LIST_ORDER = "s.province, s.city, s.district, s.name, s.id";

  private StationRows() {}

  public static List<Station> mapAll(Iterable<Row> rows) {
    List<Station> out = new ArrayList<>();
    for (Row r : rows) out.add(map(r));
    return out;
  }

  public static Station map(Row r) {
    Object hours = r.getValue("opening_hours");
    return new Station(
        r.getLong("id"),
        new StationDraft(
            r.getString("slug"),
            r.getString("name"),
            StationKind.fromCode(r.getString("kind")).orElseThrow(),
            r.getString("organization"),
            r.getString("description"),
            r.getString("address"),
            new Region(r.getString("province"), r.getString("city"), r.getString("district")),
            r.getString("township"),
            r.getDouble("latitude"),
            r.getDouble("longitude"),
            LocationPrecision.fromCode(r.getString("location_precision"))
                .orElse(LocationPrecision.CITY),
            r.getString("phone"),
            OpeningHours.fromJson(hours instanceof JsonArray a ? a : null),
            strings(r.getArrayOfStrings("services")),
            strings(r.getArrayOfStrings("target_groups")),
            StationStatus.fromCode(r.getString("status")).orElse(StationStatus.ACTIVE),
            r.getLocalDate("verified_at"),
            r.getString("source_article_slug")),
        r.getInteger("version"),
        r.getOffsetDateTime("created_at"),
        r.getOffsetDateTime("updated_at"));
  }

  private static List<String> strings(String[] a) {
    return a == null ? List.of() : List.of(a);
  }
}

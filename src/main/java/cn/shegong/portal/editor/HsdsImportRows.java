package cn.shegong.portal.editor;

import cn.shegong.portal.hsds.HsdsIncoming;
import cn.shegong.portal.stations.OpeningHours;
import cn.shegong.portal.stations.Station;
import cn.shegong.portal.stations.StationCsvFormat;
import cn.shegong.portal.stations.StationKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An incoming HSDS service as the station row to save: the station's own values where the file says
 * nothing or says the same in HSDS's terms (hours beyond the week, the order of services), and
 * errors named by the HSDS field they come from.
 */
final class HsdsImportRows {
  private HsdsImportRows() {}

  /**
   * The incoming row, with what HSDS does not say (or says the same way) taken from the station.
   */
  static Map<String, String> row(HsdsIncoming in, String slug, Station s, String defaultKind) {
    Map<String, String> row = new LinkedHashMap<>(in.row());
    row.put("id", slug);
    Map<String, String> stored = s == null ? Map.of() : columns(s);
    if (row.get("kind").isEmpty())
      row.put(
          "kind",
          s != null
              ? s.content().kind().code()
              : StationKind.fromCode(defaultKind).map(StationKind::code).orElse(""));
    if (row.get("location_precision").isEmpty() && s != null)
      row.put("location_precision", s.content().locationPrecision().code());
    if (s == null) return row;
    row.put("source_article", stored.get("source_article"));
    for (String column : in.unsaid()) row.put(column, stored.get(column));
    try {
      if (Set.copyOf(OpeningHours.parse(row.get("schedule")).intervals())
          .equals(Set.copyOf(s.content().openingHours().intervals())))
        row.put("schedule", stored.get("schedule"));
    } catch (IllegalArgumentException e) {
      // the station format reports it
    }
    for (String list : List.of("services", "target_groups"))
      if (Set.copyOf(List.of(row.get(list).split(";")))
          .equals(Set.copyOf(List.of(stored.get(list).split(";")))))
        row.put(list, stored.get(list));
    return row;
  }

  static Map<String, String> columns(Station s) {
    Map<String, String> m = new LinkedHashMap<>();
    List<String> values = StationCsvFormat.row(s);
    for (int i = 0; i < StationCsvFormat.COLUMNS.size(); i++)
      m.put(StationCsvFormat.COLUMNS.get(i), values.get(i));
    return m;
  }

  /** The HSDS field a station column comes from, for the person fixing the file. */
  private static final Map<String, String> FIELDS =
      Map.ofEntries(
          Map.entry("id", "locations.external_identifier"),
          Map.entry("name", "name"),
          Map.entry("kind", "attributes（station_kind）"),
          Map.entry("address_1", "addresses.address_1"),
          Map.entry("latitude", "locations.latitude"),
          Map.entry("longitude", "locations.longitude"),
          Map.entry("location_precision", "attributes（location_precision）"),
          Map.entry("phone", "phones.number"),
          Map.entry("schedule", "schedules"),
          Map.entry("status", "status"),
          Map.entry("verified_at", "assured_date"));

  /** "verified_at 应为日期" → "字段 assured_date：verified_at 应为日期". */
  static String hsdsField(String error) {
    for (var f : FIELDS.entrySet())
      if (error.startsWith(f.getKey() + " ") || error.startsWith(f.getKey() + "："))
        return "字段 " + f.getValue() + "：" + error;
    return error;
  }
}

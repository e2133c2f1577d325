package cn.shegong.portal.hsds;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HSDS service read from a package or JSON file, as a station row in the station CSV's columns
 * ({@code StationCsvFormat}): {@code kind} and {@code location_precision} stay empty when the
 * source does not say them, {@code id} (the slug) when it names none of the portal's.
 *
 * @param ref where it was read: "services.csv 第 3 行", "JSON 第 2 项"
 * @param notes what was read but could not be kept (in Chinese), e.g. a second location
 * @param unsaid the columns the source does not speak of (a table or key that is absent, not
 *     empty): a station already known keeps its own values there
 */
public record HsdsIncoming(
    String ref,
    String serviceId,
    String locationId,
    Map<String, String> row,
    List<String> notes,
    List<String> unsaid) {
  public HsdsIncoming {
    row = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(row));
    notes = List.copyOf(notes);
    unsaid = List.copyOf(unsaid);
  }

  /** The same service under the portal's slug it was found to be. */
  public HsdsIncoming withSlug(String slug) {
    Map<String, String> r = new LinkedHashMap<>(row);
    r.put("id", slug);
    return new HsdsIncoming(ref, serviceId, locationId, r, notes, unsaid);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("ref", ref)
        .put("service_id", serviceId)
        .put("location_id", locationId)
        .put("row", new JsonObject(new LinkedHashMap<>(row)))
        .put("notes", new JsonArray(new ArrayList<>(notes)))
        .put("unsaid", new JsonArray(new ArrayList<>(unsaid)));
  }

  public static HsdsIncoming fromJson(JsonObject o) {
    Map<String, String> row = new LinkedHashMap<>();
    o.getJsonObject("row").forEach(e -> row.put(e.getKey(), String.valueOf(e.getValue())));
    List<String> notes = new ArrayList<>();
    for (Object n : o.getJsonArray("notes", new JsonArray())) notes.add(String.valueOf(n));
    List<String> unsaid = new ArrayList<>();
    for (Object n : o.getJsonArray("unsaid", new JsonArray())) unsaid.add(String.valueOf(n));
    return new HsdsIncoming(
        o.getString("ref"),
        o.getString("service_id"),
        o.getString("location_id"),
        row,
        notes,
        unsaid);
  }
}

package cn.shegong.portal.hsds;

import cn.shegong.portal.hsds.HsdsTaxonomy.Scheme;
import cn.shegong.portal.stations.StationKind;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One HSDS service with what belongs to it (its organisation's name, locations, addresses, phones,
 * schedules, taxonomy attributes) turned into a station row. Every object carries {@code _table}
 * and {@code _row}, set by the reader, so a problem names the table, row and field it comes from.
 */
final class HsdsStationRow {
  static final String TABLE = "_table";
  static final String ROW = "_row";
  private static final Set<String> STATUSES =
      Set.of("active", "inactive", "defunct", "temporarily closed");

  /** A taxonomy term on a service or location: which of the portal's schemes, and its value. */
  record Attr(String scheme, String value) {}

  record Parts(
      JsonObject service,
      String organization,
      List<JsonObject> locations,
      List<JsonObject> addresses,
      List<JsonObject> phones,
      List<JsonObject> schedules,
      List<Attr> serviceAttributes,
      List<Attr> locationAttributes,
      Set<String> unsaid) {}

  /** The columns an address fills, and those a location does. */
  static final List<String> ADDRESS =
      List.of("address_1", "township", "district", "city", "state_province");

  static final List<String> LOCATION =
      List.of(
          "address_1",
          "township",
          "district",
          "city",
          "state_province",
          "latitude",
          "longitude",
          "location_precision");

  static final List<String> ATTRIBUTES = List.of("kind", "services", "target_groups");

  private HsdsStationRow() {}

  /** The incoming station, or null when it has errors (added to {@code problems}). */
  static HsdsIncoming build(Parts p, List<HsdsProblem> problems) {
    JsonObject s = p.service();
    int before = problems.size();
    List<String> notes = new ArrayList<>();
    String id = text(s, "id");
    if (HsdsIds.parse(id) == null)
      problems.add(problem(s, "id", "应为 UUID（如 3f2b…-…），而不是“" + cut(id) + "”"));
    String name = text(s, "name");
    if (name.isEmpty()) problems.add(problem(s, "name", "不能为空"));
    String status = text(s, "status");
    if (status.isEmpty()) status = "active";
    if (!STATUSES.contains(status))
      problems.add(problem(s, "status", "应为 active、inactive、defunct 或 temporarily closed"));
    JsonObject location = p.locations().isEmpty() ? null : p.locations().get(0);
    if (p.locations().size() > 1)
      notes.add("有 " + p.locations().size() + " 个地点，本站每个站点只有一个地点：只导入了第一个");
    JsonObject address = first(p.addresses());
    if (p.addresses().size() > 1) notes.add("有多个地址：只导入了第一个");
    Map<String, String> row = new LinkedHashMap<>();
    row.put("id", slugHint(location));
    row.put("name", name);
    row.put("kind", value(p.serviceAttributes(), Scheme.STATION_KIND, s, problems));
    row.put("organization", p.organization());
    row.put("description", text(s, "description"));
    row.put("address_1", text(address, "address_1"));
    row.put("township", text(address, "address_2"));
    row.put("district", text(address, "region"));
    row.put("city", text(address, "city"));
    row.put("state_province", text(address, "state_province"));
    row.put("country", "CN");
    row.put("latitude", number(location, "latitude"));
    row.put("longitude", number(location, "longitude"));
    row.put(
        "location_precision",
        value(p.locationAttributes(), Scheme.LOCATION_PRECISION, location, problems));
    Set<String> numbers = new LinkedHashSet<>();
    for (JsonObject ph : p.phones())
      if (!text(ph, "number").isEmpty()) numbers.add(text(ph, "number"));
    row.put("phone", String.join("，", numbers));
    row.put("schedule", schedule(p.schedules(), problems));
    row.put("services", values(p.serviceAttributes(), Scheme.SERVICE));
    row.put("target_groups", values(p.serviceAttributes(), Scheme.TARGET_GROUP));
    row.put("status", HsdsJson.status(status).code());
    String assured = text(s, "assured_date");
    row.put("verified_at", assured.length() > 10 ? assured.substring(0, 10) : assured);
    row.put("source_article", "");
    if (problems.size() > before) return null;
    return new HsdsIncoming(
        ref(s),
        id.toLowerCase(),
        location == null ? "" : text(location, "id"),
        row,
        notes,
        List.copyOf(p.unsaid()));
  }

  /** The station's slug when the location names one of the portal's (external identifier). */
  private static String slugHint(JsonObject location) {
    if (location == null) return "";
    if (!HsdsJson.SLUG_TYPE.equals(text(location, "external_identifier_type"))) return "";
    String slug = text(location, "external_identifier");
    return slug.matches("[a-z0-9][a-z0-9-]{0,119}") ? slug : "";
  }

  /**
   * An attribute as one of the portal's taxonomies (by its term's taxonomy, the term's taxonomy_id,
   * else its link_type), or null for a taxonomy the portal does not keep.
   */
  static Attr attr(JsonObject a, JsonObject term) {
    Scheme scheme = term == null ? null : Scheme.byCode(text(term, "taxonomy"));
    if (scheme == null && term != null) scheme = Scheme.byId(text(term, "taxonomy_id"));
    if (scheme == null) scheme = Scheme.byCode(text(a, "link_type"));
    if (scheme == null) return null;
    String v = text(a, "value");
    if (v.isEmpty() && term != null)
      v = text(term, "code").isEmpty() ? text(term, "name") : text(term, "code");
    return new Attr(scheme.code(), v);
  }

  private static String schedule(List<JsonObject> schedules, List<HsdsProblem> problems) {
    if (schedules.isEmpty()) return "";
    for (JsonObject sc : schedules) {
      try {
        HsdsSchedules.read(List.of(sc));
      } catch (IllegalArgumentException e) {
        String m = e.getMessage();
        int colon = m.indexOf('：');
        problems.add(
            problem(
                sc,
                colon > 0 ? m.substring(0, colon) : "",
                colon > 0 ? m.substring(colon + 1) : m));
        return "";
      }
    }
    return HsdsSchedules.read(schedules).toSyntax();
  }

  private static String value(
      List<Attr> attrs, Scheme scheme, JsonObject at, List<HsdsProblem> problems) {
    List<String> found =
        attrs.stream()
            .filter(a -> a.scheme().equals(scheme.code()))
            .map(Attr::value)
            .distinct()
            .toList();
    if (found.isEmpty()) return "";
    if (found.size() > 1 && at != null)
      problems.add(
          problem(at, "attributes", scheme.code() + " 只能有一个值，却有 " + String.join("、", found)));
    String v = found.get(0);
    if (scheme == Scheme.STATION_KIND && StationKind.fromCode(v).isEmpty() && at != null)
      problems.add(
          problem(
              at, "attributes", "未知的站点类型“" + cut(v) + "”（应为 " + StationKind.labels() + " 的代码）"));
    return v;
  }

  private static String values(List<Attr> attrs, Scheme scheme) {
    return String.join(
        ";",
        attrs.stream()
            .filter(a -> a.scheme().equals(scheme.code()))
            .map(Attr::value)
            .filter(v -> !v.isBlank())
            .distinct()
            .toList());
  }

  private static String number(JsonObject o, String field) {
    String v = text(o, field);
    if (v.isEmpty()) return "";
    try {
      return String.valueOf(Double.parseDouble(v));
    } catch (NumberFormatException e) {
      return v; // the station format names it
    }
  }

  private static JsonObject first(List<JsonObject> list) {
    for (JsonObject o : list) if ("physical".equals(text(o, "address_type"))) return o;
    return list.isEmpty() ? null : list.get(0);
  }

  static String text(JsonObject o, String field) {
    if (o == null) return "";
    Object v = o.getValue(field);
    return v == null ? "" : v.toString().strip();
  }

  static HsdsProblem problem(JsonObject o, String field, String message) {
    return new HsdsProblem(o.getString(TABLE, "JSON"), o.getInteger(ROW, 0), field, message);
  }

  static String ref(JsonObject o) {
    return new HsdsProblem(o.getString(TABLE, "JSON"), o.getInteger(ROW, 0), "", "").where();
  }

  private static String cut(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}

package cn.shegong.portal.hsds;

import cn.shegong.portal.hsds.HsdsStationRow.Attr;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * HSDS JSON into incoming stations: services (service_list or the full service with its phones,
 * schedules, attributes and service_at_locations) or organisations (organization_list, with their
 * services when given). Problems name the item ("JSON 第 N 项") and the field.
 */
final class HsdsJsonReader {
  static final String TABLE = "JSON";

  private HsdsJsonReader() {}

  static HsdsImport.Read read(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes((int) HsdsImport.MAX_UPLOAD + 1);
    String text = new String(bytes, StandardCharsets.UTF_8).strip();
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    List<Object> items = items(text);
    List<HsdsIncoming> out = new ArrayList<>();
    List<HsdsProblem> problems = new ArrayList<>();
    int n = 0;
    int services = 0;
    for (Object item : items) {
      n++;
      if (!(item instanceof JsonObject o)) {
        problems.add(new HsdsProblem(TABLE, n, "", "应为一个 JSON 对象"));
        continue;
      }
      boolean isService = o.containsKey("status") || o.containsKey("service_at_locations");
      if (isService) {
        services++;
        one(
            o,
            n,
            o.getJsonObject("organization") == null
                ? ""
                : HsdsStationRow.text(o.getJsonObject("organization"), "name"),
            out,
            problems);
        continue;
      }
      JsonArray nested = o.getJsonArray("services");
      if (nested == null || nested.isEmpty()) {
        problems.add(
            new HsdsProblem(
                TABLE,
                n,
                "services",
                "机构“" + HsdsStationRow.text(o, "name") + "”没有列出服务（services），不建立站点"));
        continue;
      }
      for (Object s : nested) {
        services++;
        if (s instanceof JsonObject so) one(so, n, HsdsStationRow.text(o, "name"), out, problems);
      }
      if (services > HsdsImport.MAX_SERVICES) break;
    }
    if (services > HsdsImport.MAX_SERVICES)
      throw new HsdsImport.NotHsds("一次最多导入 " + HsdsImport.MAX_SERVICES + " 个服务，请分成几个文件。");
    return new HsdsImport.Read(out, problems, services);
  }

  private static List<Object> items(String text) {
    try {
      if (text.startsWith("["))
        return new JsonArray(text).getList().stream().map(HsdsJsonReader::wrap).toList();
      if (text.startsWith("{")) {
        try {
          JsonObject o = new JsonObject(text);
          JsonArray contents = o.getJsonArray("contents");
          if (contents != null) return contents.stream().map(HsdsJsonReader::wrap).toList();
          return List.of(o);
        } catch (DecodeException e) {
          // several objects, one a line (ndjson)
          List<Object> lines = new ArrayList<>();
          for (String line : text.split("\\R"))
            if (!line.isBlank()) lines.add(new JsonObject(line));
          return lines;
        }
      }
    } catch (DecodeException | ClassCastException e) {
      throw new HsdsImport.NotHsds("无法按 JSON 读取：" + e.getMessage());
    }
    throw new HsdsImport.NotHsds("这不是 HSDS 数据：应为 zip 表格数据包或 JSON（service_list、organization_list）。");
  }

  private static Object wrap(Object o) {
    if (o instanceof java.util.Map<?, ?> m) return new JsonObject(castMap(m));
    return o;
  }

  @SuppressWarnings("unchecked")
  private static java.util.Map<String, Object> castMap(java.util.Map<?, ?> m) {
    return (java.util.Map<String, Object>) m;
  }

  private static void one(
      JsonObject s,
      int n,
      String organization,
      List<HsdsIncoming> out,
      List<HsdsProblem> problems) {
    tag(s, n);
    List<JsonObject> locations = new ArrayList<>();
    List<JsonObject> phones = objects(s, "phones", n);
    List<JsonObject> schedules = objects(s, "schedules", n);
    for (JsonObject sal : objects(s, "service_at_locations", n)) {
      JsonObject loc = sal.getJsonObject("location");
      if (loc != null) locations.add(tag(loc, n));
      phones.addAll(objects(sal, "phones", n));
      schedules.addAll(objects(sal, "schedules", n));
    }
    JsonObject loc = locations.isEmpty() ? null : locations.get(0);
    // a key the file leaves out says nothing (a thin service_list); an empty list says "none"
    java.util.Set<String> unsaid = new java.util.HashSet<>();
    boolean sals = s.getValue("service_at_locations") instanceof JsonArray;
    if (!said(s, "phones")) unsaid.add("phone");
    if (!said(s, "schedules")) unsaid.add("schedule");
    if (!sals) unsaid.addAll(HsdsStationRow.LOCATION);
    if (loc != null && !loc.containsKey("addresses")) unsaid.addAll(HsdsStationRow.ADDRESS);
    if (loc != null && !loc.containsKey("attributes")) unsaid.add("location_precision");
    if (!s.containsKey("attributes")) unsaid.addAll(HsdsStationRow.ATTRIBUTES);
    if (organization.isEmpty() && !s.containsKey("organization_id")) unsaid.add("organization");
    if (!s.containsKey("description")) unsaid.add("description");
    if (!s.containsKey("assured_date")) unsaid.add("verified_at");
    HsdsIncoming in =
        HsdsStationRow.build(
            new HsdsStationRow.Parts(
                s,
                organization,
                locations,
                loc == null ? List.of() : objects(loc, "addresses", n),
                phones,
                schedules,
                attrs(objects(s, "attributes", n)),
                loc == null ? List.of() : attrs(objects(loc, "attributes", n)),
                unsaid),
            problems);
    if (in != null) out.add(in);
  }

  /** The service, or one of its service_at_locations, has this key. */
  private static boolean said(JsonObject s, String key) {
    if (s.containsKey(key)) return true;
    if (s.getValue("service_at_locations") instanceof JsonArray a)
      for (Object sal : a) if (sal instanceof JsonObject o && o.containsKey(key)) return true;
    return false;
  }

  private static List<Attr> attrs(List<JsonObject> list) {
    List<Attr> out = new ArrayList<>();
    for (JsonObject a : list) {
      Attr attr = HsdsStationRow.attr(a, a.getJsonObject("taxonomy_term"));
      if (attr != null) out.add(attr);
    }
    return out;
  }

  private static List<JsonObject> objects(JsonObject o, String field, int n) {
    List<JsonObject> out = new ArrayList<>();
    Object v = o.getValue(field);
    if (v instanceof JsonArray a)
      for (Object x : a) if (x instanceof JsonObject xo) out.add(tag(xo, n));
    return out;
  }

  private static JsonObject tag(JsonObject o, int n) {
    return o.put(HsdsStationRow.TABLE, TABLE).put(HsdsStationRow.ROW, n);
  }
}

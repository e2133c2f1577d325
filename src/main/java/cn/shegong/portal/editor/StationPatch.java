package cn.shegong.portal.editor;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.stations.Station;
import cn.shegong.portal.stations.StationCsvFormat;
import cn.shegong.portal.stations.StationDraft;
import cn.shegong.portal.stations.StationException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A PUT /api/editor/stations/{slug} body laid over the stored record. Types are checked here; the
 * values then pass the one station validator ({@link StationCsvFormat}), so the API accepts exactly
 * what the desk form and the import accept. Any problem is a 400 with every reason in Chinese.
 */
record StationPatch(StationDraft draft, List<StationException> exceptions, List<String> fields) {
  /** JSON name → the station CSV column it sets. */
  private static final Map<String, String> TEXT =
      Map.of(
          "phone", "phone",
          "opening_hours", "schedule",
          "organization", "organization",
          "address", "address_1",
          "location_precision", "location_precision",
          "status", "status");

  private static final Set<String> KNOWN =
      Set.of(
          "version",
          "phone",
          "opening_hours",
          "exceptions",
          "organization",
          "address",
          "latitude",
          "longitude",
          "location_precision",
          "services",
          "target_groups",
          "status");

  static StationPatch over(Station current, JsonObject body) {
    List<String> errors = new ArrayList<>();
    for (String k : body.fieldNames())
      if (!KNOWN.contains(k)) errors.add("未知字段：" + k + "（可修改的字段见接口说明）");
    Map<String, String> row = StationDeskRoutes.fieldsOf(current);
    List<String> fields = new ArrayList<>();
    for (var e : TEXT.entrySet()) {
      if (!body.containsKey(e.getKey())) continue;
      Object v = body.getValue(e.getKey());
      if (v == null) v = "";
      if (v instanceof String text) {
        row.put(e.getValue(), text);
        fields.add(e.getKey());
      } else errors.add(e.getKey() + " 应为字符串");
    }
    for (String k : List.of("latitude", "longitude")) {
      if (!body.containsKey(k)) continue;
      Object v = body.getValue(k);
      if (v == null || v instanceof Number) {
        row.put(k, v == null ? "" : String.valueOf(((Number) v).doubleValue()));
        fields.add(k);
      } else errors.add(k + " 应为数字或 null");
    }
    for (String k : List.of("services", "target_groups")) {
      if (!body.containsKey(k)) continue;
      List<String> items = strings(body.getValue(k), k, errors);
      if (items != null) {
        row.put(k, String.join(";", items));
        fields.add(k);
      }
    }
    List<StationException> exceptions = null;
    if (body.containsKey("exceptions")) {
      exceptions = exceptions(body.getValue("exceptions"), errors);
      fields.add("exceptions");
    }
    if (!errors.isEmpty()) throw HttpError.badRequest(String.join("；", errors));
    StationCsvFormat.Parsed p = StationCsvFormat.parse(row);
    if (!p.ok()) {
      throw HttpError.badRequest(
          String.join(
              "；",
              p.errors().stream()
                  .map(
                      m -> m.replace("schedule：", "opening_hours：").replace("address_1", "address"))
                  .toList()));
    }
    return new StationPatch(p.draft(), exceptions, List.copyOf(fields));
  }

  private static List<String> strings(Object v, String name, List<String> errors) {
    if (!(v instanceof JsonArray a)) {
      errors.add(name + " 应为字符串数组");
      return null;
    }
    List<String> out = new ArrayList<>();
    for (Object o : a) {
      if (!(o instanceof String s) || s.isBlank() || s.length() > 100) {
        errors.add(name + " 的每一项应为不超过 100 字的非空字符串");
        return null;
      }
      if (s.contains(";") || s.contains("；")) {
        errors.add(name + " 的条目不能含分号：" + s);
        return null;
      }
      out.add(s.strip());
    }
    return out;
  }

  private static List<StationException> exceptions(Object v, List<String> errors) {
    if (!(v instanceof JsonArray a)) {
      errors.add(
          "exceptions 应为数组，每项如 {\"from\": \"2026-10-01\", \"to\": \"2026-10-07\", "
              + "\"reason\": \"…\", \"closed\": true} 或带 \"hours\"");
      return null;
    }
    if (a.size() > 100) {
      errors.add("exceptions 最多 100 条");
      return null;
    }
    List<StationException> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      String at = "exceptions[" + i + "]";
      if (!(a.getValue(i) instanceof JsonObject o)) {
        errors.add(at + " 应为对象");
        continue;
      }
      for (String k : o.fieldNames())
        if (!Set.of("from", "to", "reason", "hours", "closed").contains(k))
          errors.add(at + " 的未知字段：" + k);
      Object from = o.getValue("from");
      Object to = o.getValue("to");
      Object reason = o.getValue("reason");
      Object hours = o.getValue("hours");
      Object closed = o.getValue("closed");
      if (!(from instanceof String)
          || !(to == null || to instanceof String)
          || !(reason instanceof String)
          || !(hours == null || hours instanceof String)
          || !(closed == null || closed instanceof Boolean)) {
        errors.add(at + "：from、to、reason、hours 应为字符串，closed 应为 true 或 false");
        continue;
      }
      boolean isClosed = Boolean.TRUE.equals(closed);
      boolean hasHours = hours != null && !((String) hours).isBlank();
      if (isClosed == hasHours) {
        errors.add(at + "：请给出 hours（特别开放时间）或 \"closed\": true（暂停服务），二者取一");
        continue;
      }
      try {
        out.add(
            StationException.of(
                (String) from, (String) to, (String) reason, hasHours ? (String) hours : ""));
      } catch (IllegalArgumentException e) {
        errors.add(at + "：" + e.getMessage());
      }
    }
    return out;
  }
}

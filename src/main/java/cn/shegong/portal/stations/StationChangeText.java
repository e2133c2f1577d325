package cn.shegong.portal.stations;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pure rules of the public history: which fields are public (the same list the database trigger
 * copies), their labels, how a stored value reads, and what an audit action is called.
 */
public final class StationChangeText {
  /** Public fields in the order a reader expects them; nothing else is ever shown. */
  static final Map<String, String> LABELS = new LinkedHashMap<>();

  static {
    LABELS.put("name", "名称");
    LABELS.put("kind", "类型");
    LABELS.put("organization", "主办单位");
    LABELS.put("description", "简介");
    LABELS.put("address", "地址");
    LABELS.put("province", "省份");
    LABELS.put("city", "城市");
    LABELS.put("district", "区县");
    LABELS.put("township", "镇（街道）");
    LABELS.put("latitude", "纬度");
    LABELS.put("longitude", "经度");
    LABELS.put("location_precision", "位置精度");
    LABELS.put("phone", "电话");
    LABELS.put("opening_hours", "开放时间");
    LABELS.put("services", "服务内容");
    LABELS.put("target_groups", "服务对象");
    LABELS.put("status", "状态");
    LABELS.put("verified_at", "核实日期");
    LABELS.put("verified_how", "核实方式");
  }

  static final String EMPTY = "（空）";

  private StationChangeText() {}

  /** The public fields of a stored diff {"field": {"old": …, "new": …}}, in label order. */
  public static List<StationChange.Field> fields(JsonObject diff) {
    List<StationChange.Field> out = new ArrayList<>();
    for (Map.Entry<String, String> e : LABELS.entrySet()) {
      JsonObject d = diff.getJsonObject(e.getKey());
      if (d == null) continue;
      String before = value(e.getKey(), d.getValue("old"));
      String after = value(e.getKey(), d.getValue("new"));
      if (!before.equals(after))
        out.add(new StationChange.Field(e.getKey(), e.getValue(), before, after));
    }
    return out;
  }

  /** A stored value as the station page would show it. */
  static String value(String field, Object v) {
    if (v == null) return EMPTY;
    String text =
        switch (field) {
          case "kind" -> StationKind.fromCode(v.toString()).map(StationKind::label).orElse("");
          case "status" ->
              StationStatus.fromCode(v.toString()).map(StationStatus::label).orElse("");
          case "location_precision" ->
              LocationPrecision.fromCode(v.toString()).map(LocationPrecision::label).orElse("");
          case "verified_how" -> {
            Verification.How h = Verification.How.fromCode(v.toString());
            yield h == null ? "" : h.label();
          }
          case "opening_hours" -> hours(v);
          default -> v instanceof JsonArray a ? join(a) : v.toString();
        };
    return text.isBlank() ? EMPTY : text;
  }

  private static String hours(Object v) {
    if (!(v instanceof JsonArray a)) return "";
    try {
      OpeningHours h = OpeningHours.fromJson(a);
      return h.known() ? String.join("；", h.describeChinese()) : "";
    } catch (RuntimeException e) {
      return "";
    }
  }

  private static String join(JsonArray a) {
    List<String> parts = new ArrayList<>();
    for (Object o : a) if (o != null && !o.toString().isBlank()) parts.add(o.toString());
    return String.join("、", parts);
  }

  /** What kind of change an audit action names; never who made it. */
  public static String action(String action) {
    if (action == null) return "记录更新";
    if (action.equals("station.update")) return "编辑修改";
    if (action.equals("station.import")) return "批量导入更新";
    if (action.equals("station.create")) return "新建记录";
    if (action.startsWith("station.status.")) {
      return StationStatus.fromCode(action.substring("station.status.".length()))
          .map(s -> "状态改为" + s.label())
          .orElse("状态变更");
    }
    if (action.startsWith("station.verify")) {
      Verification.How h =
          action.length() > "station.verify.".length()
              ? Verification.How.fromCode(action.substring("station.verify.".length()))
              : null;
      return "确认信息无误" + (h == null ? "" : "（" + h.label() + "）");
    }
    return "记录更新";
  }
}

package cn.shegong.portal.editor;

import cn.shegong.portal.stations.OpeningHours;
import cn.shegong.portal.stations.Station;
import cn.shegong.portal.stations.StationException;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a station's staff may propose through an invitation, as text fields: the station's current
 * values to start from, what they typed, its checks (in Chinese) and the fields they changed.
 */
record StationUpdateForm(
    Map<String, String> values,
    String name,
    String role,
    String note,
    boolean allCorrect,
    List<String> errors) {
  /** The fields a station may propose, in the order of the form and the review. */
  static final Map<String, String> FIELDS = fields();

  static final int MAX_LIST_ITEMS = 30;

  /** The station's values as the form shows them. */
  static Map<String, String> current(Station s, List<StationException> upcoming) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("phone", s.content().phone());
    v.put("opening_hours", s.content().openingHours().toSyntax());
    v.put("exceptions", ExceptionLines.format(upcoming));
    v.put("address", s.content().address());
    v.put("services", String.join("\n", s.content().services()));
    v.put("target_groups", String.join("\n", s.content().targetGroups()));
    return v;
  }

  static StationUpdateForm read(MultiMap form) {
    Map<String, String> v = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    for (String f : FIELDS.keySet()) v.put(f, text(form.get(f)));
    String name = text(form.get("proposer_name"));
    String role = text(form.get("proposer_role"));
    String note = text(form.get("note"));
    if (name.isEmpty() || name.length() > 60) errors.add("请填写您的姓名（最多 60 字）");
    if (role.isEmpty() || role.length() > 60) errors.add("请填写您在站点的职务（最多 60 字）");
    if (note.length() > 500) errors.add("说明最多 500 字");
    if (v.get("phone").length() > 60) errors.add("电话最多 60 个字符");
    else if (!v.get("phone").matches("[0-9０-９+()（）\\-－ ,，、;；转/ext.]*"))
      errors.add("电话只能包含数字、空格、+、-、括号和“转”");
    try {
      v.put("opening_hours", OpeningHours.parse(v.get("opening_hours")).toSyntax());
    } catch (IllegalArgumentException e) {
      errors.add("开放时间：" + e.getMessage());
    }
    ExceptionLines.Parsed ex = ExceptionLines.parse(v.get("exceptions"));
    errors.addAll(ex.errors());
    if (ex.errors().isEmpty()) v.put("exceptions", ExceptionLines.format(ex.exceptions()));
    if (v.get("address").length() > 200) errors.add("地址最多 200 字");
    for (String list : List.of("services", "target_groups")) {
      List<String> items = items(v.get(list));
      if (items.size() > MAX_LIST_ITEMS || items.stream().anyMatch(i -> i.length() > 60))
        errors.add(FIELDS.get(list) + "最多 " + MAX_LIST_ITEMS + " 项，每项最多 60 字");
      v.put(list, String.join("\n", items));
    }
    // PostgreSQL refuses NUL in text
    if (v.values().stream().anyMatch(s -> s.indexOf('\0') >= 0)
        || (name + role + note).indexOf('\0') >= 0) errors.add("填写的内容含有无效字符");
    boolean allCorrect = "1".equals(form.get("all_correct"));
    return new StationUpdateForm(v, name, role, note, allCorrect, errors);
  }

  boolean valid() {
    return errors.isEmpty();
  }

  /** The fields whose value differs from {@code current}: {"phone": {"old": …, "new": …}}. */
  JsonObject changes(Map<String, String> current) {
    JsonObject out = new JsonObject();
    for (String f : FIELDS.keySet()) {
      String was = current.getOrDefault(f, "");
      String now = values.get(f);
      if (!was.equals(now)) out.put(f, new JsonObject().put("old", was).put("new", now));
    }
    return out;
  }

  /** One item a line (or separated by ; or 、). */
  static List<String> items(String text) {
    return Arrays.stream(text.split("[\\n;；、]"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .distinct()
        .toList();
  }

  private static String text(String s) {
    return s == null ? "" : s.replace("\r\n", "\n").strip();
  }

  private static Map<String, String> fields() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("phone", "电话");
    m.put("opening_hours", "开放时间");
    m.put("exceptions", "临时调整（节假日、闭馆）");
    m.put("address", "地址");
    m.put("services", "服务内容");
    m.put("target_groups", "服务对象");
    return Collections.unmodifiableMap(m);
  }
}

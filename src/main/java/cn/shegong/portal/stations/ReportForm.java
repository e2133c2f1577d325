package cn.shegong.portal.stations;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a reader typed into "report a mistake", and what the page says about it. */
public record ReportForm(
    String field, String correctValue, String contact, String error, boolean sent) {
  /** The fields a reader can say are wrong, in the order the form offers them. */
  public static final Map<String, String> FIELDS = fields();

  public static final ReportForm EMPTY = new ReportForm("", "", "", "", false);
  public static final ReportForm SENT = new ReportForm("", "", "", "", true);

  // a URL-encoded Chinese character takes 9 bytes; 500 of them stay well inside the 16 KiB body
  // limit
  public static final int MAX_VALUE = 500;
  public static final int MAX_CONTACT = 200;

  /**
   * Checks a submission; answers the form with a Chinese error, or with an empty error when it may
   * be stored.
   */
  public static ReportForm check(String field, String correctValue, String contact) {
    String f = field == null ? "" : field.strip();
    String v = correctValue == null ? "" : correctValue.strip();
    String c = contact == null ? "" : contact.strip();
    String error = "";
    if (!FIELDS.containsKey(f)) error = "请选择哪一项信息有误。";
    else if (v.isEmpty()) error = "请填写正确的信息。";
    else if (v.length() > MAX_VALUE) error = "正确信息最多 " + MAX_VALUE + " 个字。";
    else if (c.length() > MAX_CONTACT) error = "联系方式最多 " + MAX_CONTACT + " 个字。";
    // PostgreSQL refuses NUL in text; no real correction contains one
    else if (v.indexOf('\0') >= 0 || c.indexOf('\0') >= 0) error = "填写的内容含有无效字符。";
    return new ReportForm(FIELDS.containsKey(f) ? f : "", v, c, error, false);
  }

  public boolean valid() {
    return error.isEmpty();
  }

  private static Map<String, String> fields() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("name", "名称");
    m.put("organization", "主办单位");
    m.put("address", "地址");
    m.put("location", "地图上的位置");
    m.put("phone", "电话");
    m.put("opening_hours", "开放时间");
    m.put("services", "服务内容或服务对象");
    m.put("status", "是否仍在服务");
    m.put("other", "其他");
    return java.util.Collections.unmodifiableMap(m);
  }
}

package cn.shegong.portal.hsds;

/**
 * Something in an imported HSDS file that cannot be used: which table (file), which row (line or
 * item), which field, and why, in Chinese.
 */
public record HsdsProblem(String table, int row, String field, String message) {
  /** "services.csv 第 3 行，字段 name：不能为空". */
  public String text() {
    return where() + (field.isEmpty() ? "" : "，字段 " + field) + "：" + message;
  }

  public String where() {
    return table + (row > 0 ? " 第 " + row + (table.endsWith(".csv") ? " 行" : " 项") : "");
  }
}

package cn.shegong.portal.hsds;

import cn.shegong.portal.common.Csv;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of an HSDS table as CSV. A text cell a spreadsheet would run as a formula (=, @, +, - or a
 * control character first; a phone number such as +86 10 1234 stays as it is) gets a leading
 * apostrophe, which {@link #text} takes off again on import.
 */
public final class HsdsCsv {
  private HsdsCsv() {}

  public static String line(List<String> columns, JsonObject row) {
    List<String> cells = new ArrayList<>(columns.size());
    for (String c : columns) cells.add(cell(row.getValue(c)));
    return Csv.line(cells);
  }

  static String cell(Object value) {
    if (value == null) return "";
    if (value instanceof Number n) return n.toString();
    String s = value.toString();
    return dangerous(s) ? "'" + s : s;
  }

  /** The value of a cell written by {@link #cell}: a guarded formula loses its apostrophe. */
  public static String text(String cell) {
    if (cell.length() > 1 && cell.charAt(0) == '\'' && dangerous(cell.substring(1)))
      return cell.substring(1);
    return cell;
  }

  static boolean dangerous(String s) {
    if (s.isEmpty()) return false;
    char c = s.charAt(0);
    if (c == '=' || c == '@' || c == '\t' || c == '\r' || c == '\n') return true;
    if (c == '+' || c == '-') return !s.matches("[+-][0-9 ()-]*");
    return false;
  }
}

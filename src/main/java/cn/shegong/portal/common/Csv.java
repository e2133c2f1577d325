package cn.shegong.portal.common;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: quoted fields may hold commas, quotes and line breaks. Records know their starting
 * line. Written cells are guarded against spreadsheet formula injection (OWASP): a cell that a
 * spreadsheet would run ({@code = + - @}, tab, CR first) gets a leading single quote, and reading
 * takes that quote off again, so the portal reads back exactly what it wrote.
 */
public final class Csv {
  public record Record(int line, List<String> fields) {}

  /** A file that is not CSV at all, or exceeds a limit, with the line where reading gave up. */
  public static final class MalformedCsv extends IllegalArgumentException {
    private final int line;

    MalformedCsv(int line, String message) {
      super("第 " + line + " 行：" + message);
      this.line = line;
    }

    public int line() {
      return line;
    }
  }

  private Csv() {}

  /** The whole text at once, without limits: for the project's own files. */
  public static List<Record> parse(String text) {
    List<Record> records = new ArrayList<>();
    try (CsvReader reader = new CsvReader(new StringReader(text), CsvReader.Limits.NONE)) {
      for (Record r = reader.next(); r != null; r = reader.next()) records.add(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return records;
  }

  /**
   * One CSV line (with trailing CRLF as RFC 4180 says), quoting only where needed, every cell
   * guarded.
   */
  public static String line(List<String> fields) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) sb.append(',');
      String f = guard(fields.get(i) == null ? "" : fields.get(i));
      if (f.indexOf(',') >= 0
          || f.indexOf('"') >= 0
          || f.indexOf('\n') >= 0
          || f.indexOf('\r') >= 0) {
        sb.append('"').append(f.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(f);
      }
    }
    return sb.append("\r\n").toString();
  }

  /**
   * A cell a spreadsheet would take for a formula gets a leading single quote; so does one that
   * already starts with quotes before such a character, so that {@link #unguard} is its exact
   * inverse.
   */
  public static String guard(String cell) {
    return startsLikeFormula(cell) ? "'" + cell : cell;
  }

  /** Takes off the one quote {@link #guard} added. */
  public static String unguard(String cell) {
    return startsLikeFormula(cell) && cell.charAt(0) == '\'' ? cell.substring(1) : cell;
  }

  private static boolean startsLikeFormula(String cell) {
    int i = 0;
    while (i < cell.length() && cell.charAt(i) == '\'') i++;
    if (i >= cell.length()) return false;
    char c = cell.charAt(i);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }
}

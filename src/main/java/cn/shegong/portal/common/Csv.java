package cn.shegong.portal.common;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: quoted fields may hold commas, quotes and line breaks. Records know their starting line. */
public final class Csv {
  public record Record(int line, List<String> fields) {}

  /** A file that is not CSV at all, with the line where reading gave up. */
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

  public static List<Record> parse(String text) {
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<Record> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int recordLine = 1;
    boolean quoted = false;
    boolean fieldStarted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') line++;
          if (c == '\u0000') throw new MalformedCsv(line, "含有二进制内容，不是文本 CSV");
          field.append(c);
        }
        continue;
      }
      switch (c) {
        case '"' -> {
          if (field.length() > 0) throw new MalformedCsv(line, "引号只能出现在字段开头");
          quoted = true;
          fieldStarted = true;
        }
        case ',' -> {
          fields.add(field.toString());
          field.setLength(0);
          fieldStarted = true;
        }
        case '\r' -> { }
        case '\n' -> {
          if (fieldStarted || field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(new Record(recordLine, List.copyOf(fields)));
          }
          fields.clear();
          field.setLength(0);
          fieldStarted = false;
          line++;
          recordLine = line;
        }
        case '\u0000' -> throw new MalformedCsv(line, "含有二进制内容，不是文本 CSV");
        default -> {
          field.append(c);
          fieldStarted = true;
        }
      }
    }
    if (quoted) throw new MalformedCsv(recordLine, "引号没有闭合");
    if (fieldStarted || field.length() > 0 || !fields.isEmpty()) {
      fields.add(field.toString());
      records.add(new Record(recordLine, List.copyOf(fields)));
    }
    return records;
  }

  /** One CSV line (with trailing CRLF as RFC 4180 says), quoting only where needed. */
  public static String line(List<String> fields) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) sb.append(',');
      String f = fields.get(i) == null ? "" : fields.get(i);
      if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
        sb.append('"').append(f.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(f);
      }
    }
    return sb.append("\r\n").toString();
  }
}

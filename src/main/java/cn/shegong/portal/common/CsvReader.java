package cn.shegong.portal.common;

import cn.shegong.portal.common.Csv.MalformedCsv;
import cn.shegong.portal.common.Csv.Record;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV one record at a time from a stream, so a file is never held whole; the limits stop a
 * hostile file (one endless line, a field of megabytes, a million commas) at the line where it goes
 * wrong.
 */
public final class CsvReader implements AutoCloseable {
  /**
   * Longest field, most fields in a record, most characters in the whole file; 0 means no limit.
   */
  public record Limits(int maxFieldChars, int maxFields, long maxChars) {
    public static final Limits NONE = new Limits(0, 0, 0);
  }

  private final Reader in;
  private final Limits limits;
  private final char[] buf = new char[8192];
  private int pos;
  private int len;
  private long read;
  private int line = 1;
  private boolean started;

  public CsvReader(Reader in, Limits limits) {
    this.in = in;
    this.limits = limits;
  }

  /** The next record, or null at the end. */
  public Record next() throws IOException {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int recordLine = line;
    boolean quoted = false;
    boolean fieldStarted = false;
    for (int c = read(); c >= 0; c = read()) {
      if (quoted) {
        if (c == '"') {
          if (peek() == '"') {
            read();
            append(field, '"');
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') line++;
          if (c == '\u0000') throw new MalformedCsv(line, "含有二进制内容，不是文本 CSV");
          append(field, (char) c);
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
          add(fields, field);
          fieldStarted = true;
        }
        case '\r' -> {}
        case '\n' -> {
          line++;
          if (fieldStarted || field.length() > 0 || !fields.isEmpty()) {
            add(fields, field);
            return new Record(recordLine, List.copyOf(fields));
          }
          recordLine = line;
        }
        case '\u0000' -> throw new MalformedCsv(line, "含有二进制内容，不是文本 CSV");
        default -> {
          append(field, (char) c);
          fieldStarted = true;
        }
      }
    }
    if (quoted) throw new MalformedCsv(recordLine, "引号没有闭合");
    if (fieldStarted || field.length() > 0 || !fields.isEmpty()) {
      add(fields, field);
      return new Record(recordLine, List.copyOf(fields));
    }
    return null;
  }

  private void append(StringBuilder field, char c) {
    if (limits.maxFieldChars() > 0 && field.length() >= limits.maxFieldChars()) {
      throw new MalformedCsv(line, "有一个字段超过 " + limits.maxFieldChars() + " 个字符，文件可能已损坏");
    }
    field.append(c);
  }

  private void add(List<String> fields, StringBuilder field) {
    if (limits.maxFields() > 0 && fields.size() >= limits.maxFields()) {
      throw new MalformedCsv(line, "这一行超过 " + limits.maxFields() + " 个字段，文件可能已损坏");
    }
    fields.add(Csv.unguard(field.toString()));
    field.setLength(0);
  }

  private int read() throws IOException {
    int c = peek();
    if (c >= 0) {
      pos++;
      if (limits.maxChars() > 0 && ++read > limits.maxChars()) {
        throw new MalformedCsv(line, "文件超过 " + limits.maxChars() / 1024 + " K 个字符的上限，请分成几个文件上传");
      }
    }
    return c;
  }

  private int peek() throws IOException {
    if (pos == len) {
      len = in.read(buf);
      pos = 0;
      if (len <= 0) {
        len = 0;
        return -1;
      }
      if (!started) {
        started = true;
        if (buf[0] == '\uFEFF') pos = 1;
        if (pos == len) return peek();
      }
    }
    return buf[pos];
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

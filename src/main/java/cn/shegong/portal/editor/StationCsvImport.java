package cn.shegong.portal.editor;

import cn.shegong.portal.common.Csv;
import cn.shegong.portal.common.CsvReader;
import cn.shegong.portal.stations.StationCsvFormat;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads an uploaded station CSV into a row-by-row report; nothing is written here. */
public final class StationCsvImport {
  static final int MAX_ROWS = 5_000;
  static final long MAX_BYTES = 2L * 1024 * 1024;
  static final int MAX_FIELD_CHARS = 4096;
  private static final CsvReader.Limits LIMITS =
      new CsvReader.Limits(MAX_FIELD_CHARS, 64, MAX_BYTES);

  /**
   * One data row: its line, id and name as written, and what is wrong with it (empty when valid).
   */
  public record Row(int line, String id, String name, List<String> errors) {
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  /** The report, and the valid rows as {"line", "row": {column: value}} for the confirm step. */
  public record Report(List<Row> rows, List<JsonObject> valid) {
    public long invalidCount() {
      return rows.stream().filter(r -> !r.ok()).count();
    }
  }

  /** The upload is not a station CSV at all; the message says why. */
  public static final class NotCsv extends IllegalArgumentException {
    NotCsv(String message) {
      super(message);
    }
  }

  private StationCsvImport() {}

  public static Report read(byte[] bytes) {
    try {
      return read(new ByteArrayInputStream(bytes), bytes.length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads the upload as a stream (call it off the event loop): header, then one row at a time,
   * stopping at the first limit — {@value #MAX_BYTES} bytes, {@value #MAX_ROWS} rows, {@value
   * #MAX_FIELD_CHARS} characters in a field — with the line where it stopped.
   */
  public static Report read(InputStream bytes, long size) throws IOException {
    if (size == 0) throw new NotCsv("上传的文件是空的。");
    if (size > MAX_BYTES) {
      throw new NotCsv(
          "文件太大（"
              + (size + 1023) / 1024
              + " KB）：一次最多上传 "
              + MAX_BYTES / 1024 / 1024
              + " MB、"
              + MAX_ROWS
              + " 行，请分成几个文件。");
    }
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (CsvReader reader = new CsvReader(new InputStreamReader(bytes, decoder), LIMITS)) {
      Csv.Record first = reader.next();
      if (first == null) throw new NotCsv("文件里没有内容。");
      List<String> header = first.fields().stream().map(String::strip).toList();
      List<String> missing = StationCsvFormat.missingColumns(header);
      if (!missing.isEmpty()) {
        throw new NotCsv(
            "这不是站点 CSV：第一行应为列名（"
                + String.join(",", StationCsvFormat.COLUMNS)
                + "），缺少 "
                + String.join("、", missing)
                + "。");
      }
      return rows(header, reader);
    } catch (CharacterCodingException e) {
      throw new NotCsv("这不是 UTF-8 编码的文本 CSV 文件（可能是 Excel 表格或图片）。请另存为“CSV UTF-8”后再上传。");
    } catch (Csv.MalformedCsv e) {
      throw new NotCsv("无法按 CSV 读取：" + e.getMessage());
    }
  }

  private static Report rows(List<String> header, CsvReader reader) throws IOException {
    List<Row> rows = new ArrayList<>();
    List<JsonObject> valid = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Csv.Record rec = reader.next(); rec != null; rec = reader.next()) {
      if (rows.size() >= MAX_ROWS)
        throw new NotCsv("第 " + rec.line() + " 行：一次最多导入 " + MAX_ROWS + " 行，请分成几个文件。");
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size() && i < rec.fields().size(); i++)
        row.put(header.get(i), rec.fields().get(i));
      List<String> errors = new ArrayList<>();
      if (rec.fields().size() != header.size()) {
        errors.add("这一行有 " + rec.fields().size() + " 个字段，列名有 " + header.size() + " 个");
      }
      errors.addAll(StationCsvFormat.parse(row).errors());
      String id = row.getOrDefault("id", "").strip();
      if (!id.isEmpty() && !seen.add(id)) errors.add("id " + id + " 在文件中重复出现");
      rows.add(new Row(rec.line(), id, row.getOrDefault("name", "").strip(), List.copyOf(errors)));
      if (errors.isEmpty())
        valid.add(
            new JsonObject()
                .put("line", rec.line())
                .put("row", new JsonObject(new LinkedHashMap<>(row))));
    }
    return new Report(rows, valid);
  }
}

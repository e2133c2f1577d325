package cn.shegong.portal.editor;

import cn.shegong.portal.common.Csv;
import cn.shegong.portal.stations.StationCsvFormat;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
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

  /** One data row: its line, id and name as written, and what is wrong with it (empty when valid). */
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
    if (bytes.length == 0) throw new NotCsv("上传的文件是空的。");
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new NotCsv("这不是 UTF-8 编码的文本 CSV 文件（可能是 Excel 表格或图片）。请另存为“CSV UTF-8”后再上传。");
    }
    List<Csv.Record> records;
    try {
      records = Csv.parse(text);
    } catch (Csv.MalformedCsv e) {
      throw new NotCsv("无法按 CSV 读取：" + e.getMessage());
    }
    if (records.isEmpty()) throw new NotCsv("文件里没有内容。");
    List<String> header = records.get(0).fields().stream().map(String::strip).toList();
    List<String> missing = StationCsvFormat.missingColumns(header);
    if (!missing.isEmpty()) {
      throw new NotCsv("这不是站点 CSV：第一行应为列名（" + String.join(",", StationCsvFormat.COLUMNS) + "），缺少 "
          + String.join("、", missing) + "。");
    }
    if (records.size() - 1 > MAX_ROWS) throw new NotCsv("一次最多导入 " + MAX_ROWS + " 行。");
    List<Row> rows = new ArrayList<>();
    List<JsonObject> valid = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Csv.Record rec : records.subList(1, records.size())) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size() && i < rec.fields().size(); i++) row.put(header.get(i), rec.fields().get(i));
      List<String> errors = new ArrayList<>();
      if (rec.fields().size() != header.size()) {
        errors.add("这一行有 " + rec.fields().size() + " 个字段，列名有 " + header.size() + " 个");
      }
      errors.addAll(StationCsvFormat.parse(row).errors());
      String id = row.getOrDefault("id", "").strip();
      if (!id.isEmpty() && !seen.add(id)) errors.add("id " + id + " 在文件中重复出现");
      rows.add(new Row(rec.line(), id, row.getOrDefault("name", "").strip(), List.copyOf(errors)));
      if (errors.isEmpty()) valid.add(new JsonObject().put("line", rec.line()).put("row", new JsonObject(new LinkedHashMap<>(row))));
    }
    return new Report(rows, valid);
  }
}

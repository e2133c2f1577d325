package cn.shegong.portal.hsds;

import cn.shegong.portal.common.Csv;
import cn.shegong.portal.common.CsvReader;
import cn.shegong.portal.hsds.HsdsStationRow.Attr;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads an HSDS tabular data package (a zip of the CSV tables, as /hsds/datapackage.zip writes it)
 * into incoming stations, as a stream: at most {@link HsdsImport#MAX_UNZIPPED} characters of CSV
 * however well the zip compresses, and {@link HsdsImport#MAX_SERVICES} services.
 */
final class HsdsPackageReader {
  private static final List<String> READ =
      List.of(
          "organization",
          "service",
          "service_at_location",
          "location",
          "address",
          "phone",
          "schedule",
          "attribute",
          "taxonomy_term");

  private final Map<String, List<JsonObject>> tables = new HashMap<>();
  private long budget = HsdsImport.MAX_UNZIPPED;

  private HsdsPackageReader() {}

  static HsdsImport.Read read(InputStream in) throws IOException {
    HsdsPackageReader r = new HsdsPackageReader();
    int entries = 0;
    try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (++entries > 64) throw new HsdsImport.NotHsds("压缩包里的文件太多（最多 64 个）。");
        String name = e.getName().substring(e.getName().lastIndexOf('/') + 1);
        for (String t : READ)
          if (HsdsTables.table(t).path().equals(name) && !e.isDirectory()) r.table(t, name, zip);
      }
    } catch (java.util.zip.ZipException e) {
      throw new HsdsImport.NotHsds("无法按 zip 压缩包读取：" + e.getMessage());
    }
    if (entries == 0) throw new HsdsImport.NotHsds("这不是 zip 压缩包，或压缩包是空的。");
    if (!r.tables.containsKey("service"))
      throw new HsdsImport.NotHsds("压缩包里没有 HSDS 的 services.csv，不是 HSDS 表格数据包。");
    return r.assemble();
  }

  private void table(String table, String file, InputStream zip) throws IOException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    // the zip stream is not closed here: the next entry follows
    CsvReader reader =
        new CsvReader(
            new InputStreamReader(new NonClosing(zip), decoder),
            new CsvReader.Limits(8192, 128, budget));
    List<JsonObject> rows = new ArrayList<>();
    try {
      Csv.Record header = reader.next();
      if (header == null) {
        tables.put(table, rows);
        return;
      }
      List<String> columns =
          header.fields().stream().map(c -> c.strip().replace("\uFEFF", "")).toList();
      for (Csv.Record rec = reader.next(); rec != null; rec = reader.next()) {
        JsonObject o =
            new JsonObject().put(HsdsStationRow.TABLE, file).put(HsdsStationRow.ROW, rec.line());
        for (int i = 0; i < columns.size() && i < rec.fields().size(); i++) {
          String v = HsdsCsv.text(rec.fields().get(i));
          budget -= v.length() + 1;
          if (!v.isEmpty()) o.put(columns.get(i), v);
        }
        rows.add(o);
        if (rows.size() > HsdsImport.MAX_TABLE_ROWS)
          throw new HsdsImport.NotHsds(
              file + " 的行数太多（最多 " + HsdsImport.MAX_TABLE_ROWS + " 行），请分成几个数据包。");
        if (table.equals("service") && rows.size() > HsdsImport.MAX_SERVICES)
          throw new HsdsImport.NotHsds("一次最多导入 " + HsdsImport.MAX_SERVICES + " 个服务，请分成几个数据包。");
      }
    } catch (CharacterCodingException e) {
      throw new HsdsImport.NotHsds(file + " 不是 UTF-8 编码的 CSV。");
    } catch (Csv.MalformedCsv e) {
      // the reader's character limit is what is left of the package's
      if (e.getMessage().contains("个字符的上限")) throw tooBig();
      throw new HsdsImport.NotHsds(file + " 无法按 CSV 读取：" + e.getMessage());
    }
    if (budget <= 0) throw tooBig();
    tables.put(table, rows);
  }

  private static HsdsImport.NotHsds tooBig() {
    return new HsdsImport.NotHsds(
        "数据包解压后太大（最多 " + HsdsImport.MAX_UNZIPPED / 1024 / 1024 + " MB 文本），请分成几个数据包。");
  }

  private HsdsImport.Read assemble() {
    Map<String, String> orgs = new HashMap<>();
    for (JsonObject o : rows("organization")) orgs.put(text(o, "id"), text(o, "name"));
    Map<String, JsonObject> locations = index("location", "id");
    Map<String, JsonObject> terms = index("taxonomy_term", "id");
    Map<String, List<JsonObject>> sals = group("service_at_location", "service_id");
    Map<String, List<JsonObject>> addresses = group("address", "location_id");
    Map<String, List<JsonObject>> attributes = group("attribute", "link_id");
    List<HsdsProblem> problems = new ArrayList<>();
    List<HsdsIncoming> out = new ArrayList<>();
    // a table the package leaves out says nothing about its fields
    java.util.Set<String> unsaid = new java.util.HashSet<>();
    if (!tables.containsKey("phone")) unsaid.add("phone");
    if (!tables.containsKey("schedule")) unsaid.add("schedule");
    if (!tables.containsKey("service_at_location") || !tables.containsKey("location"))
      unsaid.addAll(HsdsStationRow.LOCATION);
    if (!tables.containsKey("address")) unsaid.addAll(HsdsStationRow.ADDRESS);
    if (!tables.containsKey("attribute")) {
      unsaid.addAll(HsdsStationRow.ATTRIBUTES);
      unsaid.add("location_precision");
    }
    if (!tables.containsKey("organization")) unsaid.add("organization");
    for (JsonObject s : rows("service")) {
      String id = text(s, "id");
      List<JsonObject> locs = new ArrayList<>();
      List<String> salIds = new ArrayList<>();
      for (JsonObject sal : sals.getOrDefault(id, List.of())) {
        JsonObject loc = locations.get(text(sal, "location_id"));
        salIds.add(text(sal, "id"));
        if (loc == null)
          problems.add(HsdsStationRow.problem(sal, "location_id", "locations.csv 里没有这个地点"));
        else locs.add(loc);
      }
      String locId = locs.isEmpty() ? "" : text(locs.get(0), "id");
      String orgId = text(s, "organization_id");
      if (!orgId.isEmpty() && !orgs.containsKey(orgId))
        problems.add(HsdsStationRow.problem(s, "organization_id", "organizations.csv 里没有这个机构"));
      HsdsIncoming in =
          HsdsStationRow.build(
              new HsdsStationRow.Parts(
                  s,
                  orgs.getOrDefault(orgId, ""),
                  locs,
                  addresses.getOrDefault(locId, List.of()),
                  linked("phone", id, locId, salIds),
                  linked("schedule", id, locId, salIds),
                  attrs(attributes.getOrDefault(id, List.of()), terms),
                  attrs(attributes.getOrDefault(locId, List.of()), terms),
                  unsaid),
              problems);
      if (in != null) out.add(in);
    }
    return new HsdsImport.Read(out, problems, rows("service").size());
  }

  /** Phones or schedules of the service, its location or its service-at-location. */
  private List<JsonObject> linked(String table, String serviceId, String locId, List<String> sals) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonObject o : rows(table)) {
      if (text(o, "service_id").equals(serviceId)
          || (!locId.isEmpty()
              && text(o, "location_id").equals(locId)
              && text(o, "service_id").isEmpty())
          || sals.contains(text(o, "service_at_location_id"))) out.add(o);
    }
    return out;
  }

  static List<Attr> attrs(List<JsonObject> list, Map<String, JsonObject> terms) {
    List<Attr> out = new ArrayList<>();
    for (JsonObject a : list) {
      Attr attr = HsdsStationRow.attr(a, terms.get(text(a, "taxonomy_term_id")));
      if (attr != null) out.add(attr);
    }
    return out;
  }

  private List<JsonObject> rows(String table) {
    return tables.getOrDefault(table, List.of());
  }

  private Map<String, JsonObject> index(String table, String key) {
    Map<String, JsonObject> m = new HashMap<>();
    for (JsonObject o : rows(table)) m.putIfAbsent(text(o, key), o);
    return m;
  }

  private Map<String, List<JsonObject>> group(String table, String key) {
    Map<String, List<JsonObject>> m = new HashMap<>();
    for (JsonObject o : rows(table)) m.computeIfAbsent(text(o, key), k -> new ArrayList<>()).add(o);
    return m;
  }

  private static String text(JsonObject o, String field) {
    return HsdsStationRow.text(o, field);
  }

  /** Keeps the zip open when a table's reader is done with its entry. */
  private static final class NonClosing extends java.io.FilterInputStream {
    NonClosing(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}

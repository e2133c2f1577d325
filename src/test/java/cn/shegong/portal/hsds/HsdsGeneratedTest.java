package cn.shegong.portal.hsds;

import static cn.shegong.portal.hsds.HsdsSchemas.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.common.Csv;
import cn.shegong.portal.db.Database;
import cn.shegong.portal.hsds.HsdsTables.Table;
import cn.shegong.portal.synthetic.GenerateCommand;
import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName(
    "HSDS at 1,032 stations (the seeds and 1,000 generated): every answer and the data package validate")
class HsdsGeneratedTest {
  static TestPortal portal;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal =
        TestPortal.create(vertx, Map.of("PORTAL_DB_CONNECT_TIMEOUT_MS", "15000"))
            .start()
            .await(2, TimeUnit.MINUTES);
    Database db = Database.open(vertx, portal.config()).await(2, TimeUnit.MINUTES);
    GenerateCommand.generate(db.pool(), 0, 1000).await(5, TimeUnit.MINUTES);
    db.close(vertx).await(1, TimeUnit.MINUTES);
    // half of them with what HSDS carries beyond the generator: phones, hours, organisations,
    // verification
    portal
        .database()
        .exec(
            "UPDATE stations SET phone = '+86 21 5' || lpad(id::text, 7, '0'), "
                + "organization = '测试机构 ' || (id % 17), verified_at = DATE '2026-06-01' + (id % 150)::int, "
                + "target_groups = ARRAY['社区居民', '老年人'], status = (ARRAY['active','temporarily_closed','closed'])[1 + id % 3], "
                + "opening_hours = '[{\"day\":1,\"open\":\"08:30\",\"close\":\"17:00\"},{\"day\":5,\"open\":\"08:30\",\"close\":\"12:00\"}]' "
                + "WHERE origin = 'synthetic' AND id % 2 = 0");
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static HttpResponse<Buffer> get(String uri) throws Exception {
    HttpResponse<Buffer> r = portal.client().get(uri).send().await(2, TimeUnit.MINUTES);
    assertEquals(200, r.statusCode(), uri);
    return r;
  }

  static long total() {
    return Long.parseLong(portal.database().queryOne("SELECT count(*) FROM stations"));
  }

  @Test
  @DisplayName(
      "every service, in lists and ndjson and one by one, and every service at a location validate")
  void everyAnswer() throws Exception {
    long total = total();
    assertEquals(1032, total);
    Set<String> ids = new HashSet<>();
    for (int page = 1; page <= 3; page++) {
      JsonObject p = new JsonObject(get("/hsds/services?per_page=500&page=" + page).bodyAsString());
      assertEquals(total, p.getLong("total_items"));
      assertEquals(3, p.getLong("total_pages"));
      for (Object o : p.getJsonArray("contents")) {
        assertValid("compiled/service_list", ((JsonObject) o).encode());
        ids.add(((JsonObject) o).getString("id"));
      }
    }
    assertEquals(total, ids.size(), "every page a different part, the ids unique");
    for (String id : ids)
      assertValid("compiled/service", get("/hsds/services/" + id).bodyAsString());
    String[] lines = get("/hsds/service_at_locations?format=ndjson").bodyAsString().split("\n");
    assertEquals(total, lines.length);
    for (String line : lines) assertValid("compiled/service_at_location_list", line);
    JsonObject orgs = new JsonObject(get("/hsds/organizations?per_page=100").bodyAsString());
    assertEquals(
        Long.parseLong(
            portal
                .database()
                .queryOne(
                    "SELECT count(DISTINCT organization) FROM stations WHERE organization <> ''")),
        orgs.getLong("total_items"));
    for (Object o : orgs.getJsonArray("contents")) {
      String org = get("/hsds/organizations/" + ((JsonObject) o).getString("id")).bodyAsString();
      assertValid("compiled/organization", org);
    }
    for (String line : get("/hsds/taxonomy_terms?format=ndjson").bodyAsString().split("\n")) {
      assertValid("taxonomy_term", line);
    }
  }

  @Test
  @DisplayName(
      "datapackage.zip: the CSV tables with their datapackage.json, as tabular.json requires, keys that resolve")
  void dataPackage() throws Exception {
    Map<String, String> files = unzip(get("/hsds/datapackage.zip").body().getBytes());
    JsonObject descriptor = new JsonObject(files.get("datapackage.json"));
    assertEquals("tabular-data-package", descriptor.getString("profile"));
    JsonObject tabular = new JsonObject();
    Map<String, Set<String>> idsByTable = new HashMap<>();
    for (Object r : descriptor.getJsonArray("resources")) {
      JsonObject resource = (JsonObject) r;
      Table table = HsdsTables.table(resource.getString("name"));
      assertEquals(table.path(), resource.getString("path"));
      List<Csv.Record> records = Csv.parse(files.get(table.path()));
      assertEquals(table.columns(), records.get(0).fields(), table.name());
      JsonArray rows = new JsonArray();
      Set<String> ids = new HashSet<>();
      for (Csv.Record rec : records.subList(1, records.size())) {
        JsonObject row = typed(table, rec.fields());
        rows.add(row);
        assertTrue(ids.add(row.getString("id")), "unique id in " + table.name());
      }
      idsByTable.put(table.name(), ids);
      tabular.put(table.name(), rows);
    }
    assertEquals(HsdsTables.WRITTEN.size(), idsByTable.size());
    assertValid("compiled/tabular", tabular.encode());
    assertEquals(total(), idsByTable.get("service").size());
    assertEquals(total(), idsByTable.get("location").size());
    assertReferences(tabular, "service_at_location", "service_id", idsByTable.get("service"));
    assertReferences(tabular, "service_at_location", "location_id", idsByTable.get("location"));
    assertReferences(tabular, "phone", "service_id", idsByTable.get("service"));
    assertReferences(tabular, "schedule", "service_id", idsByTable.get("service"));
    assertReferences(tabular, "address", "location_id", idsByTable.get("location"));
    assertReferences(tabular, "service", "organization_id", idsByTable.get("organization"));
    assertReferences(tabular, "attribute", "taxonomy_term_id", idsByTable.get("taxonomy_term"));
    assertReferences(tabular, "taxonomy_term", "taxonomy_id", idsByTable.get("taxonomy"));
    assertEquals(
        Long.parseLong(
            portal.database().queryOne("SELECT count(*) FROM stations WHERE phone <> ''")),
        idsByTable.get("phone").size());
  }

  /**
   * A CSV row as the JSON object tabular.json describes: numbers as numbers, empty cells absent
   * unless required.
   */
  static JsonObject typed(Table table, List<String> cells) {
    JsonObject row = new JsonObject();
    for (int i = 0; i < cells.size(); i++) {
      String cell = HsdsCsv.text(cells.get(i));
      JsonObject field = table.fields().get(i);
      if (cell.isEmpty() && !table.required().contains(field.getString("name"))) continue;
      row.put(
          field.getString("name"),
          "number".equals(field.getString("type")) ? (Object) Double.valueOf(cell) : cell);
    }
    return row;
  }

  static void assertReferences(
      JsonObject tabular, String table, String column, Set<String> targets) {
    for (Object o : tabular.getJsonArray(table)) {
      String ref = ((JsonObject) o).getString(column);
      if (ref != null) assertTrue(targets.contains(ref), table + "." + column + " " + ref);
    }
  }

  static Map<String, String> unzip(byte[] zip) throws Exception {
    Map<String, String> files = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return files;
  }
}

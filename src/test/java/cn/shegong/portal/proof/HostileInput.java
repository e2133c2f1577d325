package cn.shegong.portal.proof;

import java.util.ArrayList;
import java.util.List;

/**
 * The corpus of hostile inputs sent to every public route and parameter. Values are raw, already
 * URL-encoded.
 */
final class HostileInput {
  static final String SCRIPT = "<script>alert(1)</script>";
  static final String IMG = "\"><img src=x onerror=alert(1)>";

  private HostileInput() {}

  /** Query-string values, percent-encoded as a browser or an attacker would send them. */
  static List<String> values() {
    List<String> v =
        new ArrayList<>(
            List.of(
                enc("' OR 1=1 --"),
                enc("'; DROP TABLE articles; --"),
                enc("1; SELECT pg_sleep(10)"),
                enc(SCRIPT),
                enc(IMG),
                enc("javascript:alert(1)"),
                enc("${7*7}<#assign x=1>"),
                "%E4%B8",
                "%zz",
                "%",
                "%00",
                "%C3%28",
                "%FF%FE%FD",
                "%ED%A0%80",
                enc("*:*"),
                enc("a~2"),
                enc("/.*/"),
                enc("[a TO z]"),
                enc("title:(社工) AND body:\"x\"~3^9"),
                enc("\\"),
                enc("\""),
                enc("-1"),
                "99999999999999999999",
                "-2147483649",
                "1e309",
                "NaN",
                enc("31.2,121.4,5"),
                enc("91,181"),
                enc("../../etc/passwd"),
                enc("社工".repeat(150))));
    v.add(enc("(".repeat(10_000)));
    v.add(enc(String.join(" OR ", java.util.Collections.nCopies(2_000, "社工"))));
    v.add("A".repeat(64 * 1024));
    return v;
  }

  static List<String> traversalPaths() {
    return List.of(
        "/static/../pom.xml",
        "/static/%2e%2e/pom.xml",
        "/static/%2e%2e%2fpom.xml",
        "/static/..%2f..%2fetc%2fpasswd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/static/%252e%252e/pom.xml",
        "/static/....//pom.xml",
        "/static/css/../../pom.xml",
        "/static/%c0%ae%c0%ae/pom.xml",
        "/news/..%2f..%2fpom.xml",
        "/templates/layout.ftlh",
        "/static/../src/main/resources/logback.xml",
        "/stations/%2e%2e",
        "/news/%00",
        "/static/%00.css");
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}

package cn.shegong.portal.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.PortalProcess;
import cn.shegong.portal.testing.TestDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName(
    "The server's real log after searches and a 'near me': paths and statuses, never what was searched or where")
class LogPrivacyIT {
  static final String SECRET = "我不想活了秘密词";
  static final String NEAR = "31.24712,121.32634";

  @Test
  @DisplayName(
      "the access log of the packaged portal has the requests but no query, no position, and readers get no cookie")
  void noQueryNoPosition() throws Exception {
    Path index = Files.createTempDirectory("portal-index-");
    try (TestDatabase db = TestDatabase.create();
        PortalProcess portal =
            PortalProcess.start(
                db,
                index,
                Map.of("PORTAL_SHUTDOWN_DRAIN_MS", "0", "PORTAL_DB_CONNECT_TIMEOUT_MS", "15000"))) {
      portal.awaitReady(Duration.ofMinutes(2));
      String q = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
      String near = URLEncoder.encode(NEAR, StandardCharsets.UTF_8);
      String[] uris = {
        "/search?q=" + q,
        "/api/search?q=" + q,
        "/api/suggest?q=" + q,
        "/stations?near=" + near,
        "/api/stations?near=" + near + "&radius_km=5",
        "/api/stations.geojson?near=" + near,
        "/no-such?q=" + q
      };
      for (String uri : uris) {
        var r = portal.get(uri);
        assertTrue(r.headers().allValues("set-cookie").isEmpty(), "no cookie for a reader: " + uri);
      }
      assertEquals(200, portal.status("/privacy"));
      Thread.sleep(500);
      String log = portal.log();
      assertTrue(log.contains("GET /search 200"), "the access log is written:\n" + log);
      assertTrue(log.contains("GET /api/stations 200") && log.contains("GET /stations 200"), log);
      for (String leak : new String[] {SECRET, q, "秘密词", "31.247", "121.326", "near=", "q="}) {
        assertFalse(log.contains(leak), "the log holds " + leak + ":\n" + log);
      }
    }
  }
}

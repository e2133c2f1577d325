package cn.shegong.portal.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.shegong.portal.testing.Browser;
import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

@ExtendWith(VertxExtension.class)
@DisplayName("快速离开 stays on top of the page without hiding any of the header")
class QuickExitPlacementBrowserTest {
  // the header's controls that the fixed button overlaps, and whether the page is wider than the
  // screen
  static final String COVERED =
      """
      const q = document.getElementById('quick-exit').getBoundingClientRect();
      const covered = Array.from(document.querySelectorAll('header a, header button, header input, header label'))
        .filter(e => e.offsetParent !== null)
        .filter(e => { const b = e.getBoundingClientRect();
          return b.right > q.left && b.left < q.right && b.bottom > q.top && b.top < q.bottom; })
        .map(e => e.id || e.textContent.trim().slice(0, 8));
      if (document.documentElement.scrollWidth > innerWidth) covered.push('page wider than the screen');
      return covered;""";
  static TestPortal portal;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal =
        TestPortal.create(vertx, Map.of("PORTAL_DB_CONNECT_TIMEOUT_MS", "15000"))
            .start()
            .await(2, TimeUnit.MINUTES);
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  @Test
  @DisplayName(
      "from 320 to 1,600 px wide, in 长辈版 too, it covers no link, button or field of the header")
  void coversNothing() {
    try (Browser browser = Browser.start(1024, 800)) {
      WebDriver d = browser.driver();
      JavascriptExecutor js = (JavascriptExecutor) d;
      String base = "http://localhost:" + portal.port();
      List<String> found = new ArrayList<>();
      for (String elder : new String[] {"0", "1"}) {
        d.get(base + "/stations");
        js.executeScript("localStorage.setItem('portal.elder', arguments[0]);", elder);
        for (int width : new int[] {320, 360, 412, 480, 481, 600, 800, 1000, 1200, 1600}) {
          ((ChromeDriver) d)
              .executeCdpCommand(
                  "Emulation.setDeviceMetricsOverride",
                  Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", false));
          for (String page : new String[] {"/stations", "/news"}) {
            d.get(base + page);
            Object covered = js.executeScript(COVERED);
            if (!((List<?>) covered).isEmpty())
              found.add(page + " at " + width + " px, 长辈版 " + elder + ": " + covered);
          }
        }
      }
      assertEquals(List.of(), found);
    }
  }
}

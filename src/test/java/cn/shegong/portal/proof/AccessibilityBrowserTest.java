package cn.shegong.portal.proof;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.Axe;
import cn.shegong.portal.testing.Browser;
import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

@ExtendWith(VertxExtension.class)
@DisplayName("axe-core on the main pages")
class AccessibilityBrowserTest {
  static final List<String> PAGES =
      List.of(
          "/",
          "/news",
          "/news/zibo-social-work-talent",
          "/stations",
          "/stations/jiading-jiangqiao-psych-station",
          "/search?q=%E7%A4%BE%E5%B7%A5",
          "/editor/login");
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
      "no serious or critical violation on home, news, an article, stations, a station, search and the login page")
  void mainPages() {
    List<String> problems = new ArrayList<>();
    try (Browser browser = Browser.start(1280, 900)) {
      WebDriver d = browser.driver();
      // the checker itself: a page with an unlabelled image and field must be reported
      d.get("data:text/html;charset=utf-8,<html><body><img src=x.png><input></body></html>");
      assertTrue(
          Axe.seriousViolations(d).stream().anyMatch(v -> v.contains("image-alt")),
          "axe-core reports violations");
      for (String page : PAGES) {
        d.get("http://localhost:" + portal.port() + page);
        if (page.equals("/stations")) {
          // the map is part of the page a reader sees: check it once its markers are in
          browser
              .waitUpTo(Duration.ofSeconds(60))
              .until(ExpectedConditions.attributeToBe(By.id("station-map"), "data-ready", "true"));
        }
        List<String> found = Axe.seriousViolations(d);
        if (!found.isEmpty()) {
          String shot = browser.screenshot("axe" + page.replaceAll("[^a-z0-9]+", "-")).toString();
          found.forEach(v -> problems.add(page + " → " + v + " (screenshot: " + shot + ")"));
        }
      }
    }
    assertTrue(
        problems.isEmpty(), problems.size() + " violations:\n" + String.join("\n", problems));
  }
}

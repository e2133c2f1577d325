package cn.shegong.portal.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.editor.PasswordHasher;
import cn.shegong.portal.testing.Browser;
import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

@ExtendWith(VertxExtension.class)
@DisplayName("Journeys of a resident, a journalist and an editor in headless Debian Chromium")
class JourneysBrowserTest {
  static final String STATION = "jiading-waigang-jingkang-station";
  static final String PASSWORD = "journey password 2026";
  static TestPortal portal;
  static String stationName;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal =
        TestPortal.create(vertx, Map.of("PORTAL_DB_CONNECT_TIMEOUT_MS", "15000"))
            .start()
            .await(2, TimeUnit.MINUTES);
    var db = portal.database();
    // open around the clock, so "现在开放" holds whenever the test runs
    db.exec(
        "UPDATE stations SET phone = '021-59590000', opening_hours = (SELECT jsonb_agg(jsonb_build_object("
            + "'day', d, 'open', '00:00', 'close', '24:00')) FROM generate_series(1, 7) d) WHERE slug = '"
            + STATION
            + "'");
    stationName = db.queryOne("SELECT name FROM stations WHERE slug = '" + STATION + "'");
    db.exec(
        "INSERT INTO users (login, password_hash, role) VALUES ('journey', '"
            + PasswordHasher.hash(PASSWORD.toCharArray())
            + "', 'editor')");
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  static String origin() {
    return "http://localhost:" + portal.port();
  }

  interface Steps {
    void run(Browser browser, WebDriver d) throws Exception;
  }

  /** Runs a journey; when it fails, the screenshot of where it stopped goes to target/NAME.png. */
  static void journey(String name, int width, Steps steps) throws Exception {
    try (Browser browser = Browser.start(width, 900)) {
      try {
        steps.run(browser, browser.driver());
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            e.getMessage() + " (screenshot: " + browser.screenshot(name + "-failure") + ")", e);
      }
    }
  }

  @Test
  @DisplayName(
      "a resident on a 360 px screen finds the nearest psychological-health station, its phone and whether it is open")
  void resident() throws Exception {
    journey(
        "journey-resident",
        360,
        (browser, d) -> {
          ChromeDriver chrome = (ChromeDriver) d;
          chrome.executeCdpCommand(
              "Browser.grantPermissions",
              Map.of("origin", origin(), "permissions", List.of("geolocation")));
          chrome.executeCdpCommand(
              "Emulation.setGeolocationOverride",
              Map.of("latitude", 31.3662, "longitude", 121.1605, "accuracy", 20));
          d.get(origin() + "/");
          click(d, d.findElement(By.cssSelector(".site-nav a[href='/stations']")));
          browser
              .waitUpTo(Duration.ofSeconds(20))
              .until(ExpectedConditions.urlContains("/stations"));
          new Select(d.findElement(By.id("f-kind"))).selectByValue("psych");
          click(
              d, d.findElement(By.cssSelector("#station-filters button[type=submit]:not([name])")));
          browser
              .waitUpTo(Duration.ofSeconds(20))
              .until(ExpectedConditions.urlContains("kind=psych"));
          click(
              d,
              browser
                  .waitUpTo(Duration.ofSeconds(30))
                  .until(ExpectedConditions.elementToBeClickable(By.id("locate-me"))));
          browser
              .waitUpTo(Duration.ofSeconds(30))
              .until(ExpectedConditions.urlContains("near=31.366%2C121.16"));
          assertEquals(
              stationName,
              d.findElement(By.cssSelector(".station-list .station-name")).getText(),
              "nearest first in the list");
          // narrow to 5 km: the nearest stands alone on the map, as its own marker rather than
          // inside a cluster
          new Select(d.findElement(By.id("f-radius"))).selectByValue("5");
          click(
              d, d.findElement(By.cssSelector("#station-filters button[type=submit]:not([name])")));
          browser
              .waitUpTo(Duration.ofSeconds(20))
              .until(ExpectedConditions.urlContains("radius_km=5"));
          // on a phone the map is below the filters, built when the resident scrolls to it
          chrome.executeScript(
              "document.getElementById('station-map').scrollIntoView({block: 'center'});");
          browser
              .waitUpTo(Duration.ofSeconds(60))
              .until(ExpectedConditions.attributeToBe(By.id("station-map"), "data-ready", "true"));
          WebElement marker = d.findElement(By.cssSelector("#station-map .station-marker"));
          assertTrue(
              marker.getAttribute("title").startsWith(stationName),
              "its marker on the map: " + marker.getAttribute("title"));
          long overflow =
              (Long)
                  chrome.executeScript(
                      "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
          assertTrue(overflow <= 0, "no sideways scrolling at 360 px, overflow " + overflow);
          click(d, d.findElement(By.cssSelector(".station-list a.station-name")));
          browser
              .waitUpTo(Duration.ofSeconds(20))
              .until(ExpectedConditions.urlContains("/stations/" + STATION));
          assertEquals(stationName, d.findElement(By.tagName("h1")).getText());
          assertEquals(
              "tel:021-59590000",
              d.findElement(By.cssSelector(".facts a[href^='tel:']")).getAttribute("href"));
          assertEquals("现在开放", d.findElement(By.cssSelector(".facts .open-now")).getText());
        });
  }

  @Test
  @DisplayName(
      "a journalist searches 医务社工 in the header, opens an article, finds its citation and its feed")
  void journalist() throws Exception {
    journey(
        "journey-journalist",
        1280,
        (browser, d) -> {
          d.get(origin() + "/");
          WebElement box = d.findElement(By.id("site-search"));
          box.sendKeys("医务社工");
          click(d, d.findElement(By.cssSelector("form[role=search] button[type=submit]")));
          browser
              .waitUpTo(Duration.ofSeconds(20))
              .until(ExpectedConditions.urlContains("/search?q="));
          assertFalse(
              d.findElements(By.cssSelector("link[href$='/css/search.css']")).isEmpty(),
              "the results are styled");
          WebElement hit = d.findElement(By.cssSelector(".search-hit-article a.hit-title"));
          String title = hit.getText();
          click(d, hit);
          browser.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/news/"));
          assertEquals(title, d.findElement(By.tagName("h1")).getText());
          String citation = d.findElement(By.id("citation-text")).getText();
          assertTrue(
              citation.contains(title)
                  && citation.contains("[N/OL]")
                  && citation.contains(java.net.URI.create(d.getCurrentUrl()).getPath()),
              "a GB/T 7714 citation: " + citation);
          assertFalse(
              d.findElements(
                      By.cssSelector("head link[rel=alternate][type='application/atom+xml']"))
                  .isEmpty(),
              "feed in head");
          WebElement feed = d.findElement(By.cssSelector("a[href$='.atom']"));
          assertTrue(feed.isDisplayed(), "a visible feed link");
          var answer =
              portal.client().getAbs(feed.getAttribute("href")).send().await(20, TimeUnit.SECONDS);
          assertEquals(200, answer.statusCode());
          assertTrue(
              answer.getHeader("Content-Type").startsWith("application/atom+xml"),
              answer.getHeader("Content-Type"));
        });
  }

  @Test
  @DisplayName(
      "an editor logs in, writes and publishes an announcement, then finds it through the public search box")
  void editor() throws Exception {
    journey(
        "journey-editor",
        1280,
        (browser, d) -> {
          d.get(origin() + "/editor/login");
          d.findElement(By.id("login")).sendKeys("journey");
          d.findElement(By.id("password")).sendKeys(PASSWORD);
          click(d, d.findElement(By.cssSelector(".desk-login button[type=submit]")));
          browser
              .waitUpTo(Duration.ofSeconds(30))
              .until(ExpectedConditions.urlContains("/editor/articles"));
          d.get(origin() + "/editor/articles/new");
          d.findElement(By.id("title")).sendKeys("公告：青藤社工站开放日报名开始");
          d.findElement(By.id("summary")).sendKeys("青藤社工站开放日面向社区居民开放报名。");
          d.findElement(By.id("body")).sendKeys("青藤社工站将于下月举办开放日，欢迎社区居民报名参加。\n\n报名请致电社工站。");
          click(
              d,
              d.findElement(By.cssSelector(".desk-actions button[type=submit]:not([formaction])")));
          browser
              .waitUpTo(Duration.ofSeconds(30))
              .until(ExpectedConditions.urlMatches("/editor/articles/\\d+"));
          click(d, d.findElement(By.cssSelector(".desk-publish form[action$='/publish'] button")));
          browser
              .waitUpTo(Duration.ofSeconds(30))
              .until(
                  ExpectedConditions.presenceOfElementLocated(By.cssSelector(".status-published")));
          d.get(origin() + "/");
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
          while (true) {
            WebElement box = d.findElement(By.id("site-search"));
            box.clear();
            box.sendKeys("青藤社工站开放日");
            click(d, d.findElement(By.cssSelector("form[role=search] button[type=submit]")));
            browser
                .waitUpTo(Duration.ofSeconds(20))
                .until(ExpectedConditions.urlContains("/search?q="));
            List<WebElement> hits = d.findElements(By.cssSelector("a.hit-title"));
            if (!hits.isEmpty() && hits.get(0).getText().equals("公告：青藤社工站开放日报名开始")) break;
            assertTrue(
                System.nanoTime() < deadline, "the announcement is found by search within 10 s");
            Thread.sleep(500);
          }
          click(d, d.findElement(By.cssSelector("a.hit-title")));
          browser.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/news/"));
          assertEquals("公告：青藤社工站开放日报名开始", d.findElement(By.tagName("h1")).getText());
        });
  }

  /** Clicks through JavaScript when a narrow layout puts something over the element. */
  static void click(WebDriver d, WebElement e) {
    ((ChromeDriver) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
    e.click();
  }
}

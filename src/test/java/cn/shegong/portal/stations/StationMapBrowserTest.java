package cn.shegong.portal.stations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

@ExtendWith(VertxExtension.class)
@DisplayName("The service map in headless Debian Chromium")
class StationMapBrowserTest {
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

  static String base() {
    return "http://localhost:" + portal.port();
  }

  @Test
  @DisplayName(
      "opens /stations, sees markers over the bundled outline, opens a popup and follows it to the station page")
  void markerPopupToStationPage() {
    try (Browser browser = Browser.start(1280, 900)) {
      WebDriver d = browser.driver();
      try {
        d.get(base() + "/stations");
        browser
            .waitUpTo(Duration.ofSeconds(60))
            .until(ExpectedConditions.attributeToBe(By.id("station-map"), "data-ready", "true"));
        assertEquals(
            0L,
            ((JavascriptExecutor) d).executeScript("return Math.round(window.scrollY);"),
            "on a wide screen the map is in view and built without scrolling");
        assertEquals(
            "[]",
            ((JavascriptExecutor) d)
                .executeAsyncScript(
                    "var done = arguments[arguments.length - 1], shifts = [];"
                        + "new PerformanceObserver(list => list.getEntries().forEach(e => shifts.push(e)))"
                        + ".observe({type: 'layout-shift', buffered: true});"
                        + "setTimeout(() => done(JSON.stringify(shifts.map(e => e.sources.map(s => s.node"
                        + " && (s.node.id || s.node.className || s.node.nodeName))))), 300);"),
            "the map's box keeps its place from the first paint: nothing on the page moves when the map comes");
        assertEquals(
            "32",
            d.findElement(By.id("station-map")).getAttribute("data-loaded"),
            "every station on the map");
        assertTrue(
            !d.findElements(By.cssSelector("#station-map .leaflet-marker-icon")).isEmpty(),
            "markers or clusters");
        browser
            .waitUpTo(Duration.ofSeconds(30))
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#station-map path.province-outline")));
        String title = openStationPopup(browser);
        WebElement link =
            browser
                .waitUpTo(Duration.ofSeconds(20))
                .until(
                    ExpectedConditions.elementToBeClickable(
                        By.cssSelector(".leaflet-popup-content a.map-popup-name")));
        String name = link.getText();
        assertTrue(
            title.startsWith(name), "the popup is the clicked station's: " + title + " / " + name);
        assertTrue(
            d.findElement(By.cssSelector(".leaflet-popup-content"))
                .getText()
                .matches("(?s).*(心理健康社工站|医务社工|镇[(（]街道[)）]社工站).*"),
            "the popup names the kind");
        link.click();
        browser
            .waitUpTo(Duration.ofSeconds(20))
            .until(ExpectedConditions.urlMatches("/stations/[a-z0-9-]+$"));
        assertEquals(name, d.findElement(By.tagName("h1")).getText());
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            e.getMessage() + " (screenshot: " + browser.screenshot("stations-map-failure") + ")",
            e);
      }
    }
  }

  @Test
  @DisplayName(
      "on a phone nothing of the map is fetched until the resident scrolls to it, nothing of it blocks"
          + " rendering, the outline comes after the markers, and the map has Chinese controls")
  void noRenderBlockingScript() {
    try (Browser browser = Browser.start(360, 800)) {
      WebDriver d = browser.driver();
      try {
        d.get(base() + "/stations");
        JavascriptExecutor js = (JavascriptExecutor) d;
        // on a phone the map is below the filters: nothing of it is fetched until the resident
        // scrolls
        browser
            .waitUpTo(Duration.ofSeconds(20))
            .until(d2 -> "complete".equals(js.executeScript("return document.readyState;")));
        sleep(1500);
        assertEquals(
            "[]",
            js.executeScript(
                "return JSON.stringify(performance.getEntriesByType('resource')"
                    + ".filter(e => /leaflet|MarkerCluster|stations-map|china-provinces|geojson/.test(e.name)).map(e => e.name));"),
            "no map file before the map is near");
        assertEquals(
            Boolean.FALSE,
            js.executeScript("return document.getElementById('station-map').hidden;"),
            "its place is kept from the start");
        scrollToMap(d);
        browser
            .waitUpTo(Duration.ofSeconds(60))
            .until(ExpectedConditions.attributeToBe(By.id("station-map"), "data-ready", "true"));
        // the page as served (stations.js adds the map's scripts to the live document later)
        assertEquals(
            "[]",
            js.executeScript(
                "var x = new XMLHttpRequest(); x.open('GET', location.href, false); x.send();"
                    + "var scripts = Array.from(new DOMParser().parseFromString(x.responseText, 'text/html').scripts);"
                    + "if (!scripts.some(s => /\\/js\\/stations\\.js$/.test(s.src))) return 'no stations.js';"
                    + "return JSON.stringify(scripts.filter(s => !s.defer && !s.async).map(s => s.src));"),
            "every script in the page is deferred or async");
        // the browser's own verdict (Resource Timing): only the portal's own stylesheets block
        // rendering
        assertEquals(
            "[]",
            js.executeScript(
                "return JSON.stringify(performance.getEntriesByType('resource')"
                    + ".filter(e => e.renderBlockingStatus === 'blocking'"
                    + " && !/\\/css\\/(site|search-suggest|elder|stations)\\.css$/.test(e.name)).map(e => e.name));"));
        browser
            .waitUpTo(Duration.ofSeconds(30))
            .until(
                ExpectedConditions.attributeToBe(
                    By.id("station-map"), "data-outline-ready", "true"));
        @SuppressWarnings("unchecked")
        Map<String, Object> order =
            (Map<String, Object>)
                js.executeScript(
                    "var dcl = performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd;"
                        + "var all = performance.getEntriesByType('resource');"
                        + "var map = all.filter(e => /leaflet|MarkerCluster|stations-map\\.js|china-provinces/.test(e.name));"
                        + "var api = all.filter(e => e.name.indexOf('/api/stations.geojson') >= 0);"
                        + "var outline = all.filter(e => e.name.indexOf('china-provinces') >= 0);"
                        + "return {files: map.length, beforeInteractive: map.filter(e => e.startTime < dcl).map(e => e.name),"
                        + " outlineAfterMarkers: api.length > 0 && outline.length === 1"
                        + " && outline[0].startTime >= Math.max.apply(null, api.map(e => e.responseEnd))};");
        assertEquals(
            7L,
            order.get("files"),
            "Leaflet's 2 files, markercluster's 3, the map's code, the outline");
        assertEquals(
            List.of(), order.get("beforeInteractive"), "none fetched before DOMContentLoaded");
        assertEquals(
            true, order.get("outlineAfterMarkers"), "the outline is fetched after the markers");
        assertTrue(
            !d.findElements(By.cssSelector("#station-map .leaflet-marker-icon")).isEmpty(),
            "markers or clusters");
        assertEquals(
            "放大", d.findElement(By.cssSelector(".leaflet-control-zoom-in")).getAttribute("title"));
        assertEquals(
            "缩小", d.findElement(By.cssSelector(".leaflet-control-zoom-out")).getAttribute("title"));
        assertEquals(
            34,
            d.findElements(By.cssSelector("#station-map path.province-outline")).size(),
            "every province of the bundled outline");
        String attribution =
            d.findElement(By.cssSelector(".leaflet-control-attribution")).getText();
        assertTrue(attribution.contains("地图库"), attribution);
        assertEquals(1, attribution.split("省界轮廓", -1).length - 1, "credited once: " + attribution);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            e.getMessage()
                + " (screenshot: "
                + browser.screenshot("stations-blocking-failure")
                + ")",
            e);
      }
    }
  }

  @Test
  @DisplayName(
      "at 360 px wide the list page needs no sideways scrolling and the elder-mode switch works")
  void narrowScreen() {
    try (Browser browser = Browser.start(360, 800)) {
      WebDriver d = browser.driver();
      try {
        d.get(base() + "/stations?kind=psych");
        scrollToMap(d);
        browser
            .waitUpTo(Duration.ofSeconds(60))
            .until(ExpectedConditions.attributeToBe(By.id("station-map"), "data-ready", "true"));
        JavascriptExecutor js = (JavascriptExecutor) d;
        long scrollWidth = (Long) js.executeScript("return document.documentElement.scrollWidth;");
        long clientWidth = (Long) js.executeScript("return document.documentElement.clientWidth;");
        assertTrue(
            scrollWidth <= clientWidth,
            "no horizontal overflow: " + scrollWidth + " > " + clientWidth);
        String before =
            (String)
                js.executeScript("return getComputedStyle(document.documentElement).fontSize;");
        d.findElement(By.id("elder-toggle")).click();
        String after =
            (String)
                js.executeScript("return getComputedStyle(document.documentElement).fontSize;");
        assertEquals("16px", before);
        assertEquals("24px", after);
        d.get(base() + "/stations/jiading-jiangqiao-psych-station");
        assertEquals(
            "24px",
            js.executeScript("return getComputedStyle(document.documentElement).fontSize;"),
            "the switch persists without an account");
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            e.getMessage() + " (screenshot: " + browser.screenshot("stations-narrow-failure") + ")",
            e);
      }
    }
  }

  @Test
  @DisplayName(
      "when the configured tile server fails, the outline appears under the markers, and a marker opens by keyboard")
  void tilesFailKeyboardWorks(Vertx vertx) throws Exception {
    // nothing listens on port 9: every tile fails, as on an intranet without the tile server
    TestPortal offline =
        TestPortal.create(
                vertx,
                Map.of(
                    "PORTAL_DB_CONNECT_TIMEOUT_MS",
                    "15000",
                    "PORTAL_MAP_TILES",
                    "http://127.0.0.1:9/{z}/{x}/{y}.png",
                    "PORTAL_MAP_ATTRIBUTION",
                    "测试瓦片"))
            .start()
            .await(2, TimeUnit.MINUTES);
    try (Browser browser = Browser.start(1024, 800)) {
      WebDriver d = browser.driver();
      try {
        d.get(
            "http://localhost:"
                + offline.port()
                + "/stations?q="
                + java.net.URLEncoder.encode("江桥", "UTF-8"));
        browser
            .waitUpTo(Duration.ofSeconds(60))
            .until(ExpectedConditions.attributeToBe(By.id("station-map"), "data-ready", "true"));
        browser
            .waitUpTo(Duration.ofSeconds(30))
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#station-map path.province-outline")));
        assertTrue(
            d.findElement(By.cssSelector(".leaflet-control-attribution"))
                .getText()
                .contains("测试瓦片"));
        WebElement marker = d.findElement(By.cssSelector("#station-map .station-marker"));
        assertEquals("0", marker.getAttribute("tabindex"), "markers are in the tab order");
        assertEquals(
            "rgba(0, 0, 0, 0)",
            marker.getCssValue("background-color"),
            "the page's styles still win over Leaflet's, loaded later (no white box behind a marker)");
        ((JavascriptExecutor) d).executeScript("arguments[0].focus();", marker);
        marker.sendKeys(Keys.ENTER);
        WebElement link =
            browser
                .waitUpTo(Duration.ofSeconds(20))
                .until(
                    ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector(".leaflet-popup-content a.map-popup-name")));
        assertEquals("江桥镇心理健康社工站", link.getText());
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            e.getMessage()
                + " (screenshot: "
                + browser.screenshot("stations-offline-failure")
                + ")",
            e);
      }
    } finally {
      offline.destroy().await(1, TimeUnit.MINUTES);
    }
  }

  /**
   * Clicks a single-station marker, opening clusters until one shows; answers its title. Leaflet
   * redraws markers while clusters animate, so an element found a moment ago may be gone: then look
   * again.
   */
  private static String openStationPopup(Browser browser) {
    WebDriver d = browser.driver();
    for (int i = 0; i < 10; i++) {
      try {
        for (WebElement m : d.findElements(By.cssSelector("#station-map .station-marker"))) {
          if (m.isDisplayed()) {
            String title = m.getAttribute("title");
            m.click();
            return title;
          }
        }
        d.findElements(By.cssSelector("#station-map .marker-cluster")).get(0).click();
      } catch (StaleElementReferenceException e) {
        // redrawn under us; the next round finds the new elements
      }
      sleep(800);
    }
    throw new AssertionError("no single-station marker after opening clusters");
  }

  /** As a resident does on a phone, where the map is below the filters. */
  static void scrollToMap(WebDriver d) {
    ((JavascriptExecutor) d)
        .executeScript("document.getElementById('station-map').scrollIntoView({block: 'center'});");
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package cn.shegong.portal.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.Browser;
import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

@ExtendWith(VertxExtension.class)
@DisplayName("快速离开: Esc twice or the button leaves for a neutral site, and Back does not return")
class QuickExitBrowserTest {
  static final String STATION = "/stations/jiading-jiangqiao-psych-station";
  static HttpServer neutral;
  static TestPortal portal;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    neutral =
        vertx
            .createHttpServer()
            .requestHandler(
                r ->
                    r.response()
                        .putHeader("Content-Type", "text/html; charset=utf-8")
                        .end(
                            "<!doctype html><html lang=zh><title>天气预报</title><p id=weather>今日晴</p></html>"))
            .listen(0)
            .await(10, TimeUnit.SECONDS);
    portal =
        TestPortal.create(
                vertx,
                Map.of(
                    "PORTAL_DB_CONNECT_TIMEOUT_MS", "15000", "PORTAL_QUICK_EXIT_URL", neutralUrl()))
            .start()
            .await(2, TimeUnit.MINUTES);
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
    neutral.close().await(10, TimeUnit.SECONDS);
  }

  static String neutralUrl() {
    return "http://127.0.0.1:" + neutral.actualPort() + "/weather";
  }

  static String origin() {
    return "http://localhost:" + portal.port();
  }

  static Object js(WebDriver d, String script) {
    return ((JavascriptExecutor) d).executeScript(script);
  }

  @Test
  @DisplayName(
      "without JavaScript it is a plain link to the configured site, first after the skip link, on every public page")
  void plainLink() throws Exception {
    for (String uri :
        new String[] {"/", "/stations", STATION, "/news", "/privacy", "/no-such-page"}) {
      String html = portal.client().get(uri).send().await(20, TimeUnit.SECONDS).bodyAsString();
      int skip = html.indexOf("class=\"skip-link\"");
      int exit =
          html.indexOf("<a class=\"quick-exit\" id=\"quick-exit\" href=\"" + neutralUrl() + "\"");
      assertTrue(skip > 0 && exit > skip, uri);
      assertFalse(
          html.substring(skip, exit).contains("<a ")
              && html.substring(html.indexOf("</a>", skip) + 4, exit).contains("<a "),
          "nothing focusable between the skip link and 快速离开: " + uri);
    }
  }

  @Test
  @DisplayName(
      "Esc twice: the neutral URL replaces the page, history.length unchanged, Back does not show the portal")
  void escapeTwice() {
    try (Browser browser = Browser.start(1024, 800)) {
      WebDriver d = browser.driver();
      try {
        d.get(neutralUrl() + "?before");
        d.get(origin() + "/stations");
        d.get(origin() + STATION);
        long length = (Long) js(d, "return history.length");
        new Actions(d)
            .sendKeys(Keys.ESCAPE)
            .pause(Duration.ofMillis(150))
            .sendKeys(Keys.ESCAPE)
            .perform();
        browser.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(neutralUrl()));
        assertEquals(
            length,
            (Long) js(d, "return history.length"),
            "the portal page was replaced, not added to");
        d.navigate().back();
        // the portal page before it comes back from history only to be blanked and replaced at once
        browser.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(neutralUrl()));
        assertFalse(d.getPageSource().contains("社工服务地图"), "no portal content after Back");
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            e.getMessage() + " (screenshot: " + browser.screenshot("quick-exit-failure") + ")", e);
      }
    }
  }

  @Test
  @DisplayName("one Esc does nothing; two Esc more than a second apart do nothing")
  void slowEscapes() throws Exception {
    try (Browser browser = Browser.start(1024, 800)) {
      WebDriver d = browser.driver();
      d.get(origin() + STATION);
      new Actions(d)
          .sendKeys(Keys.ESCAPE)
          .pause(Duration.ofMillis(1300))
          .sendKeys(Keys.ESCAPE)
          .perform();
      Thread.sleep(800);
      assertEquals(origin() + STATION, d.getCurrentUrl());
    }
  }

  @Test
  @DisplayName("at 360 px: visible, inside the screen, reached by the second Tab, and Enter leaves")
  void phoneKeyboard() {
    try (Browser browser = Browser.start(360, 740)) {
      WebDriver d = browser.driver();
      try {
        d.get(origin() + STATION);
        WebElement exit = d.findElement(By.id("quick-exit"));
        assertTrue(exit.isDisplayed());
        long right =
            (Long)
                js(
                    d,
                    "return Math.ceil(document.getElementById('quick-exit').getBoundingClientRect().right)");
        long width = (Long) js(d, "return document.documentElement.clientWidth");
        assertTrue(right <= width, "inside the 360 px screen: " + right + " > " + width);
        new Actions(d).sendKeys(Keys.TAB).sendKeys(Keys.TAB).perform();
        assertEquals(
            "quick-exit",
            d.switchTo().activeElement().getAttribute("id"),
            "second in tab order, after the skip link");
        new Actions(d).sendKeys(Keys.ENTER).perform();
        browser.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(neutralUrl()));
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            e.getMessage() + " (screenshot: " + browser.screenshot("quick-exit-360-failure") + ")",
            e);
      }
    }
  }
}

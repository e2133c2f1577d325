package cn.shegong.portal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.Browser;
import cn.shegong.portal.testing.TestPortal;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

@ExtendWith(VertxExtension.class)
@DisplayName("The header search box suggests as you type, on every page, by keyboard too")
class SearchSuggestBrowserTest {
  static TestPortal portal;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    portal = TestPortal.create(vertx).start().await(2, TimeUnit.MINUTES);
    SearchTesting.awaitIndex(portal);
  }

  @AfterAll
  static void stop() throws Exception {
    portal.destroy().await(1, TimeUnit.MINUTES);
  }

  @Test
  @DisplayName(
      "on the news list: a combobox opens a listbox; ↓ selects, Escape closes, ↓ + Enter opens the suggestion")
  void keyboard() {
    try (Browser browser = Browser.start(1024, 800)) {
      var d = browser.driver();
      try {
        d.get("http://localhost:" + portal.port() + "/news");
        WebElement input = d.findElement(By.id("site-search"));
        browser
            .waitUpTo(Duration.ofSeconds(10))
            .until(ExpectedConditions.attributeToBe(input, "role", "combobox"));
        assertEquals("false", input.getAttribute("aria-expanded"));
        input.sendKeys("嘉定");
        WebElement list = d.findElement(By.id("site-search-suggestions"));
        browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOf(list));
        assertEquals("listbox", list.getAttribute("role"));
        assertEquals("true", input.getAttribute("aria-expanded"));
        WebElement first = list.findElements(By.cssSelector("li[role=option]")).get(0);
        input.sendKeys(Keys.ARROW_DOWN);
        assertEquals(first.getAttribute("id"), input.getAttribute("aria-activedescendant"));
        assertEquals("true", first.getAttribute("aria-selected"));
        input.sendKeys(Keys.ESCAPE);
        assertTrue(
            !list.isDisplayed() && "false".equals(input.getAttribute("aria-expanded")),
            "Escape closes the list");
        assertEquals("嘉定", input.getAttribute("value"), "and keeps what was typed");

        input.sendKeys("区");
        browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOf(list));
        String href = list.findElement(By.cssSelector("li a")).getAttribute("href");
        input.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(href));
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError(
            e.getMessage() + " (screenshot: " + browser.screenshot("search-suggest-failure") + ")",
            e);
      }
    }
  }
}

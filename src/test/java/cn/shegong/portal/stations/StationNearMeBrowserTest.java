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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

@ExtendWith(VertxExtension.class)
@DisplayName("离我最近: the browser's position, or the place picker when it is declined")
class StationNearMeBrowserTest {
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

  static String origin() {
    return "http://localhost:" + portal.port();
  }

  @Test
  @DisplayName(
      "with the position allowed, the button lists the nearest stations first, keeping the kind filter")
  void allowed() {
    try (Browser browser = Browser.start(1024, 800)) {
      ChromeDriver d = (ChromeDriver) browser.driver();
      try {
        d.executeCdpCommand(
            "Browser.grantPermissions",
            Map.of("origin", origin(), "permissions", List.of("geolocation")));
        d.executeCdpCommand(
            "Emulation.setGeolocationOverride",
            Map.of("latitude", 31.247, "longitude", 121.326, "accuracy", 10));
        d.get(origin() + "/stations?kind=psych");
        browser
            .waitUpTo(Duration.ofSeconds(30))
            .until(ExpectedConditions.elementToBeClickable(By.id("locate-me")))
            .click();
        browser
            .waitUpTo(Duration.ofSeconds(30))
            .until(ExpectedConditions.urlContains("near=31.247%2C121.326"));
        assertTrue(d.getCurrentUrl().contains("kind=psych"), d.getCurrentUrl());
        String first = d.findElement(By.cssSelector(".station-list .station-name")).getText();
        assertEquals("江桥镇心理健康社工站", first);
        assertEquals("0 米", d.findElement(By.cssSelector(".station-list .distance")).getText());
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            e.getMessage() + " (screenshot: " + browser.screenshot("stations-nearme-failure") + ")",
            e);
      }
    }
  }

  @Test
  @DisplayName(
      "with the position declined, the page says so, focuses the place picker, and the picker finds the nearest")
  void declined() {
    try (Browser browser = Browser.start(1024, 800)) {
      ChromeDriver d = (ChromeDriver) browser.driver();
      try {
        d.executeCdpCommand(
            "Browser.setPermission",
            Map.of(
                "origin",
                origin(),
                "permission",
                Map.of("name", "geolocation"),
                "setting",
                "denied"));
        d.get(origin() + "/stations");
        browser
            .waitUpTo(Duration.ofSeconds(30))
            .until(ExpectedConditions.elementToBeClickable(By.id("locate-me")))
            .click();
        browser
            .waitUpTo(Duration.ofSeconds(30))
            .until(
                ExpectedConditions.textToBePresentInElementLocated(
                    By.id("locate-status"), "没有获取到您的位置"));
        assertEquals(
            "f-province",
            d.switchTo().activeElement().getAttribute("id"),
            "the place picker has the focus");
        new Select(d.findElement(By.id("f-province"))).selectByValue("北京市");
        Select districts = new Select(d.findElement(By.id("f-district")));
        assertTrue(
            districts.getOptions().stream()
                .filter(o -> o.isEnabled() && !o.getAttribute("value").isEmpty())
                .allMatch(o -> "北京市".equals(o.getAttribute("data-province"))),
            "districts narrowed to the province");
        districts.selectByValue("西城区");
        d.findElement(By.cssSelector("button[name=from][value=place]")).click();
        browser.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("near="));
        assertTrue(d.getCurrentUrl().contains("near=39.93350%2C116.36550"), d.getCurrentUrl());
        String first = d.findElement(By.cssSelector(".station-list .station-name")).getText();
        assertTrue(first.equals("北京大学第一医院") || first.equals("北京大学人民医院"), first);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            e.getMessage()
                + " (screenshot: "
                + browser.screenshot("stations-declined-failure")
                + ")",
            e);
      }
    }
  }
}

package cn.shegong.portal.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.Axe;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

@ExtendWith(VertxExtension.class)
@DisplayName("长辈版 (elder mode) at 360 px in headless Chromium")
class ElderModeBrowserTest {
  static final String ARTICLE = "/news/jiading-psych-social-work-station-map";
  // every visible target in the header and the main content, with its size
  static final String SMALL_TARGETS =
      """
      return Array.from(document.querySelectorAll('header a, header button, header input, main a, main button, main input, main select'))
        .filter(e => e.offsetParent !== null && !e.classList.contains('skip-link'))
        .map(e => [e, e.getBoundingClientRect()]).filter(([e, r]) => r.width < 60 || r.height < 60)
        .map(([e, r]) => (e.id || e.textContent.trim().slice(0, 12)) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));""";
  // headless Chromium on a server usually has no voices: then, and only then, speech is recorded
  // instead
  static final String SPEECH_STUB =
      """
      window.__spoken = [];
      // with a real voice, what is spoken is only recorded on its way to the browser's own synthesis
      const real = window.speechSynthesis, realSpeak = real && real.speak.bind(real);
      if (real) real.speak = u => { window.__spoken.push(u.text); realSpeak(u); };
      if (!speechSynthesis.getVoices().some(v => /^zh/i.test(v.lang))) {
        const voice = { lang: 'zh-CN', name: 'stub', voiceURI: 'stub', localService: true, default: true };
        Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: {
          getVoices: () => [voice], addEventListener() {}, pending: false, paused: false,
          get speaking() { return window.__spoken.length > 0; },
          speak(u) { window.__spoken.push(u.text); }, cancel() {}
        }});
      }""";
  // a browser whose only Chinese voice is a vendor's network service
  static final String NETWORK_VOICE_ONLY =
      """
      window.__spoken = [];
      const voice = { lang: 'zh-CN', name: 'network', voiceURI: 'network', localService: false, default: true };
      Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: {
        getVoices: () => [voice], addEventListener() {}, pending: false, paused: false, speaking: false,
        speak(u) { window.__spoken.push(u.text); }, cancel() {}
      }});""";
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
      "text is 18 pt with line height ≥ 1.3, every target at least 60 × 60 px, and axe finds nothing, high contrast too")
  void sizesAndContrast() {
    try (Browser browser = Browser.start(360, 800)) {
      WebDriver d = browser.driver();
      JavascriptExecutor js = (JavascriptExecutor) d;
      try {
        d.get(base() + ARTICLE);
        browser
            .waitUpTo(Duration.ofSeconds(20))
            .until(ExpectedConditions.elementToBeClickable(By.id("elder-toggle")))
            .click();
        assertEquals("true", d.findElement(By.id("elder-toggle")).getAttribute("aria-pressed"));
        d.get(base() + ARTICLE);
        String size =
            (String)
                js.executeScript(
                    "return getComputedStyle(document.querySelector('.article-body p')).fontSize;");
        assertTrue(Double.parseDouble(size.replace("px", "")) >= 24, "18 pt = 24 px: " + size);
        double ratio =
            ((Number)
                    js.executeScript(
                        "const s = getComputedStyle(document.querySelector('.article-body p'));"
                            + "return parseFloat(s.lineHeight) / parseFloat(s.fontSize);"))
                .doubleValue();
        assertTrue(ratio >= 1.3, "line height " + ratio);
        for (String page :
            new String[] {
              ARTICLE,
              "/stations",
              "/stations/jiading-jiangqiao-psych-station",
              "/",
              "/accessibility"
            }) {
          d.get(base() + page);
          assertEquals(
              List.of(), js.executeScript(SMALL_TARGETS), "targets under 60 px on " + page);
          assertEquals(List.of(), Axe.seriousViolations(d), "axe on " + page);
        }
        d.findElement(By.id("contrast-toggle")).click();
        assertEquals(
            "rgb(0, 0, 0)",
            js.executeScript("return getComputedStyle(document.body).backgroundColor;"));
        assertEquals(List.of(), Axe.seriousViolations(d), "axe with high contrast");
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            e.getMessage() + " (screenshot: " + browser.screenshot("elder-failure") + ")", e);
      }
    }
  }

  @Test
  @DisplayName(
      "the station list starts without the map, one button away; read aloud speaks an article and stops")
  void simplifiedAndReadAloud() {
    try (Browser browser = Browser.start(360, 800)) {
      WebDriver d = browser.driver();
      JavascriptExecutor js = (JavascriptExecutor) d;
      try {
        d.get(base() + "/stations");
        js.executeScript("localStorage.setItem('portal.elder', '1');");
        ((ChromeDriver) d)
            .executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument", Map.of("source", SPEECH_STUB));
        d.get(base() + "/stations");
        browser
            .waitUpTo(Duration.ofSeconds(20))
            .until(ExpectedConditions.elementToBeClickable(By.id("show-map")));
        assertEquals(
            "true",
            d.findElement(By.id("station-map")).getAttribute("hidden"),
            "no map by default");
        assertFalse(d.findElement(By.id("station-map")).isDisplayed(), "nor its empty box");
        d.findElement(By.id("show-map")).click();
        browser
            .waitUpTo(Duration.ofSeconds(60))
            .until(ExpectedConditions.attributeToBe(By.id("station-map"), "data-ready", "true"));
        d.get(base() + ARTICLE);
        var button =
            browser
                .waitUpTo(Duration.ofSeconds(20))
                .until(ExpectedConditions.elementToBeClickable(By.id("read-aloud")));
        assertEquals("朗读", button.getText());
        button.click();
        assertEquals("true", button.getAttribute("aria-pressed"));
        Object spoken = js.executeScript("return window.__spoken.join('');");
        assertTrue(
            ((String) spoken).contains("嘉定"),
            "the article's text is handed to speech synthesis: " + spoken);
        button.click();
        assertEquals("false", button.getAttribute("aria-pressed"));
        assertEquals("朗读", button.getText());
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            e.getMessage() + " (screenshot: " + browser.screenshot("elder-read-failure") + ")", e);
      }
    }
  }

  @Test
  @DisplayName(
      "read aloud is not offered when the only Chinese voice is a network one, which would send the text away")
  void noNetworkVoice() {
    try (Browser browser = Browser.start(360, 800)) {
      WebDriver d = browser.driver();
      JavascriptExecutor js = (JavascriptExecutor) d;
      ((ChromeDriver) d)
          .executeCdpCommand(
              "Page.addScriptToEvaluateOnNewDocument", Map.of("source", NETWORK_VOICE_ONLY));
      d.get(base() + ARTICLE);
      browser
          .waitUpTo(Duration.ofSeconds(20))
          .until(ExpectedConditions.elementToBeClickable(By.id("elder-toggle")));
      // the voices are looked at when the page is first idle: wait for a later idle moment
      js.executeAsyncScript(
          "const done = arguments[arguments.length - 1];"
              + "requestIdleCallback(() => setTimeout(done, 100), { timeout: 3000 });");
      assertEquals(
          Boolean.TRUE, js.executeScript("return document.getElementById('read-aloud').hidden;"));
      assertEquals(0L, js.executeScript("return window.__spoken.length;"));
    }
  }
}

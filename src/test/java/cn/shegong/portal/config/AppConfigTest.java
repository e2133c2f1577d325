package cn.shegong.portal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Settings are parsed once from the environment")
class AppConfigTest {
  @Test
  @DisplayName("an empty environment gives the documented defaults")
  void defaults() {
    AppConfig c = AppConfig.from(Map.of());
    assertEquals(8080, c.httpPort());
    assertTrue(c.dbUrl().isEmpty());
    assertEquals("http://localhost:8080", c.publicBaseUrl());
    assertEquals(10_000, c.searchCountLimit());
    assertEquals(AppConfig.DEFAULT_QUICK_EXIT_URL, c.quickExitUrl());
    assertTrue(c.synonymsFile().isEmpty() && c.holidaysDir().isEmpty());
  }

  @Test
  @DisplayName(
      "overrides replace single values and every value survives a round trip through with()")
  void overridesRoundTrip() {
    AppConfig c =
        AppConfig.from(
            Map.of(
                "PORTAL_HTTP_PORT", "9090",
                "PORTAL_PUBLIC_URL", "https://shegong.example.cn/",
                "PORTAL_SEARCH_COUNT_LIMIT", "5",
                "PORTAL_TRUSTED_PROXIES", "10.0.0.1, 10.0.0.2",
                "PORTAL_HOLIDAYS_DIR", "/srv/holidays"));
    assertEquals("https://shegong.example.cn", c.publicBaseUrl(), "no trailing slash");
    assertEquals(5, c.searchCountLimit());
    assertEquals(java.util.List.of("10.0.0.1", "10.0.0.2"), c.trustedProxies());
    assertEquals(c, c.with(Map.of()), "nothing is lost when a copy is made");
    assertEquals(9191, c.with(Map.of("PORTAL_HTTP_PORT", "9191")).httpPort());
  }

  @Test
  @DisplayName(
      "a value that is not a number, or a quick-exit address that is not http(s), stops the start")
  void badValues() {
    assertThrows(RuntimeException.class, () -> AppConfig.from(Map.of("PORTAL_HTTP_PORT", "八")));
    assertThrows(
        IllegalArgumentException.class,
        () -> AppConfig.from(Map.of("PORTAL_QUICK_EXIT_URL", "javascript:alert(1)")));
  }
}

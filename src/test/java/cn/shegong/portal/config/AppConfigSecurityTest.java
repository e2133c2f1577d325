package cn.shegong.portal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Security settings in AppConfig")
class AppConfigSecurityTest {
  @Test
  @DisplayName(
      "a second factor is required of admins and editors by default; an empty PORTAL_REQUIRE_2FA requires none")
  void requireTwoFactor() {
    assertEquals(List.of("admin", "editor"), AppConfig.from(Map.of()).requireTwoFactor());
    assertEquals(List.of(), AppConfig.from(Map.of("PORTAL_REQUIRE_2FA", "")).requireTwoFactor());
    assertEquals(
        List.of("admin"),
        AppConfig.from(Map.of("PORTAL_REQUIRE_2FA", " admin ")).requireTwoFactor());
    assertEquals(
        List.of(),
        AppConfig.from(Map.of("PORTAL_REQUIRE_2FA", "")).with(Map.of()).requireTwoFactor(),
        "kept through with()");
  }

  @Test
  @DisplayName("an https public URL without PORTAL_TLS warns that the session cookie is not Secure")
  void cookieWarning() {
    var warning =
        AppConfig.from(Map.of("PORTAL_PUBLIC_URL", "https://map.example.org"))
            .insecureCookieWarning();
    assertTrue(warning.isPresent());
    assertTrue(warning.get().contains("PORTAL_TLS"), warning.get());
    assertTrue(
        AppConfig.from(Map.of("PORTAL_PUBLIC_URL", "https://map.example.org", "PORTAL_TLS", "true"))
            .insecureCookieWarning()
            .isEmpty());
    assertTrue(
        AppConfig.from(Map.of("PORTAL_PUBLIC_URL", "http://localhost:8080"))
            .insecureCookieWarning()
            .isEmpty());
  }
}

package cn.shegong.portal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.config.AppConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The launcher and its configuration")
class LauncherTest {

  @Test
  @DisplayName("--help exits 0 and an unknown subcommand exits non-zero")
  void help() {
    assertEquals(0, Launcher.run(new String[] {"--help"}));
    assertTrue(Launcher.run(new String[] {"frobnicate"}) != 0);
    assertTrue(Launcher.run(new String[] {"user", "delete", "x"}) != 0);
  }

  @Test
  @DisplayName(
      "configuration has defaults, takes environment overrides and never prints a password")
  void config() {
    AppConfig dflt = AppConfig.from(Map.of());
    assertEquals(8080, dflt.httpPort());
    assertEquals(Path.of("index"), dflt.indexDir());
    assertEquals(Path.of("data"), dflt.dataDir());
    assertTrue(dflt.dbUrl().isEmpty());
    AppConfig set =
        AppConfig.from(
            Map.of(
                "PORTAL_HTTP_PORT",
                "9999",
                "PORTAL_DB_URL",
                "postgresql://portal:s3cret@db.example:5432/portal",
                "PORTAL_INDEX_DIR",
                "/tmp/i"));
    assertEquals(9999, set.httpPort());
    assertEquals(Path.of("/tmp/i"), set.indexDir());
    assertFalse(set.describe().contains("s3cret"), set.describe());
    assertThrows(
        IllegalArgumentException.class, () -> AppConfig.from(Map.of("PORTAL_HTTP_PORT", "eighty")));
  }
}

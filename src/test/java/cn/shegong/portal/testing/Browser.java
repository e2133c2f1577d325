package cn.shegong.portal.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver, for browser tests. Nothing is
 * downloaded at test time: when the two binaries are missing and this runs as root with apt-get,
 * they are installed once from Debian's packages; otherwise the test fails and says what to
 * install.
 */
public final class Browser implements AutoCloseable {
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  // Debian's Chromium is newer than Selenium's bundled DevTools bindings; WebDriver itself is
  // unaffected,
  // so the "no CDP implementation" warnings are noise. Held here so the setting is not
  // garbage-collected.
  private static final java.util.logging.Logger SELENIUM_LOG = quietSelenium();

  private final ChromeDriverService service;
  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriverService service, ChromeDriver driver, Path profile) {
    this.service = service;
    this.driver = driver;
    this.profile = profile;
  }

  /** A fresh browser with its own profile directory and the given window size. */
  public static Browser start(int width, int height) {
    ensureInstalled();
    try {
      Path profile = Files.createTempDirectory("portal-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--user-data-dir=" + profile,
          "--window-size=" + width + "," + height,
          "--lang=zh-CN");
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(CHROMEDRIVER.toFile())
              .usingAnyFreePort()
              .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver
          .manage()
          .timeouts()
          .pageLoadTimeout(Duration.ofSeconds(60))
          .scriptTimeout(Duration.ofSeconds(30));
      return new Browser(service, driver, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static java.util.logging.Logger quietSelenium() {
    java.util.logging.Logger log = java.util.logging.Logger.getLogger("org.openqa.selenium");
    log.setLevel(java.util.logging.Level.SEVERE);
    return log;
  }

  public WebDriver driver() {
    return driver;
  }

  public WebDriverWait waitUpTo(Duration timeout) {
    return new WebDriverWait(driver, timeout);
  }

  /** Saves a screenshot as target/NAME.png (for failing tests); answers where it went. */
  public Path screenshot(String name) {
    try {
      Path out = Path.of("target", name + ".png").toAbsolutePath();
      Files.createDirectories(out.getParent());
      Files.copy(
          driver.getScreenshotAs(OutputType.FILE).toPath(),
          out,
          StandardCopyOption.REPLACE_EXISTING);
      return out;
    } catch (IOException | RuntimeException e) {
      return Path.of("(no screenshot: " + e.getMessage() + ")");
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      deleteTree(profile);
    }
  }

  /**
   * Installs Debian's chromium and chromium-driver when they are missing and we may; else fails
   * clearly.
   */
  static synchronized void ensureInstalled() {
    if (present()) return;
    boolean root = "root".equals(System.getProperty("user.name"));
    if (!root || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
      throw new IllegalStateException(
          "The browser tests need "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + ": install them with `apt-get install chromium chromium-driver` (as root), then run the tests again.");
    }
    run(List.of("apt-get", "update"));
    run(
        List.of(
            "apt-get", "install", "-y", "--no-install-recommends", "chromium", "chromium-driver"));
    if (!present())
      throw new IllegalStateException(
          "apt-get ran but " + CHROMIUM + " or " + CHROMEDRIVER + " is still missing");
  }

  private static boolean present() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  private static void run(List<String> command) {
    try {
      Process p =
          new ProcessBuilder(command)
              .inheritIO()
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException(
            String.join(" ", command) + " failed; install chromium and chromium-driver by hand");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while installing chromium", e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temp profile is harmless
    }
  }
}

package cn.shegong.portal.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, the accessibility checker, from npm: installed once under target/npm by the ordinary
 * npm client when missing (pinned version), then injected into a page to list its serious and
 * critical violations.
 */
public final class Axe {
  public static final String VERSION = "4.14.1";
  static final Path PREFIX = Path.of("target", "npm").toAbsolutePath();
  static final Path SCRIPT = PREFIX.resolve("node_modules/axe-core/axe.min.js");
  private static String source;

  private Axe() {}

  /**
   * The serious and critical violations on the page the driver shows, one line each (empty: none).
   */
  @SuppressWarnings("unchecked")
  public static List<String> seriousViolations(WebDriver driver) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript(script());
    Object result =
        js.executeAsyncScript(
            """
        const done = arguments[arguments.length - 1];
        axe.run(document, { resultTypes: ['violations'] })
          .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                         targets: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ')) }))))
          .catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e), targets: [] }]));
        """);
    List<String> lines = new ArrayList<>();
    for (Map<String, Object> v : (List<Map<String, Object>>) result) {
      lines.add(
          v.get("impact") + " " + v.get("id") + " (" + v.get("help") + "): " + v.get("targets"));
    }
    return lines;
  }

  static synchronized String script() {
    if (source != null) return source;
    try {
      if (!Files.isRegularFile(SCRIPT)) install();
      source = Files.readString(SCRIPT, StandardCharsets.UTF_8);
      return source;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void install() throws IOException {
    Files.createDirectories(PREFIX);
    Process p =
        new ProcessBuilder(
                "npm",
                "install",
                "--no-save",
                "--no-audit",
                "--no-fund",
                "--prefix",
                PREFIX.toString(),
                "axe-core@" + VERSION)
            .redirectErrorStream(true)
            .redirectOutput(PREFIX.resolve("install.log").toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    try {
      if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.isRegularFile(SCRIPT)) {
        p.destroyForcibly();
        throw new IllegalStateException(
            "npm could not install axe-core@"
                + VERSION
                + " (needs node and npm, and the npm "
                + "registry): see "
                + PREFIX.resolve("install.log"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while installing axe-core", e);
    }
  }
}

package cn.shegong.portal.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real launcher's jar ({@code target/portal.jar}) run as its own operating-system process, so
 * tests can send it SIGTERM or SIGKILL like an operator or a crash would. Used by the *IT tests,
 * which Maven runs after packaging.
 */
public final class PortalProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final int port;
  private final Path log;

  private PortalProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  public static PortalProcess start(
      TestDatabase db, Path indexDir, Map<String, String> env, String... args) throws IOException {
    Path jar = Path.of("target", "portal.jar");
    if (!Files.isRegularFile(jar))
      throw new IllegalStateException("target/portal.jar is missing: run mvn package first");
    int port =
        env.containsKey("PORTAL_HTTP_PORT")
            ? Integer.parseInt(env.get("PORTAL_HTTP_PORT"))
            : freePort();
    Path log = Files.createTempFile("portal-process-", ".log");
    List<String> command =
        new ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m",
                "-jar",
                jar.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("PORTAL_HTTP_PORT", String.valueOf(port));
    pb.environment().put("PORTAL_DB_URL", db.url());
    pb.environment().put("PORTAL_INDEX_DIR", indexDir.toString());
    pb.environment()
        .put(
            "PORTAL_DATA_DIR",
            indexDir.resolveSibling(indexDir.getFileName() + "-data").toString());
    // a loaded test machine can take seconds for a first connection (as in TestPortal)
    pb.environment().put("PORTAL_DB_POOL_WAIT_MS", "10000");
    pb.environment().putAll(env);
    return new PortalProcess(pb.start(), port, log);
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public Process process() {
    return process;
  }

  public String log() throws IOException {
    return Files.readString(log);
  }

  /** Waits until /ready says 200; fails with the process log if it does not within the time. */
  public void awaitReady(Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) throw new IllegalStateException("portal exited early:\n" + log());
      if (status("/ready") == 200) return;
      Thread.sleep(200);
    }
    throw new IllegalStateException("portal not ready in " + within + ":\n" + log());
  }

  /** The status of a GET, or -1 when nothing answers. */
  public int status(String path) {
    try {
      return get(path).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public void sigterm() {
    process.destroy();
  }

  public void sigkill() {
    process.destroyForcibly();
  }

  public int awaitExit(Duration within) throws InterruptedException {
    if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("portal did not exit within " + within);
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    if (process.isAlive()) process.destroyForcibly();
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}

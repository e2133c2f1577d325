package cn.shegong.portal.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.shegong.portal.editor.PasswordHasher;
import cn.shegong.portal.testing.PortalProcess;
import cn.shegong.portal.testing.TestDatabase;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two portal processes on one database behind Debian's HAProxy (deploy/haproxy.cfg), all on
 * loopback.
 */
@DisplayName("Several instances behind HAProxy")
class RollingRestartIT {
  static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
  static final HttpClient HTTP =
      HttpClient.newBuilder()
          // HTTP/1.1 as browsers speak to a proxy: an h2c upgrade would turn the proxied connection
          // into a tunnel
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  static final List<String> LOAD =
      List.of("/news", "/", "/api/stations", "/stations", "/feed.atom");

  @Test
  @DisplayName(
      "each instance in turn gets SIGTERM and is restarted under constant load: no non-2xx, none slower than 2 s; changes and the schedule are shared")
  void rollingRestart() throws Exception {
    assumeTrue(
        Files.isExecutable(HAPROXY),
        "Debian's haproxy is not installed (.ci/run installs it): apt-get install haproxy");
    int lb = PortalProcess.freePort();
    int[] ports = {PortalProcess.freePort(), PortalProcess.freePort()};
    Path[] index = {
      Files.createTempDirectory("portal-index-a-"), Files.createTempDirectory("portal-index-b-")
    };
    try (TestDatabase db = TestDatabase.create()) {
      PortalProcess[] portal = new PortalProcess[2];
      Process haproxy = null;
      try {
        // one after the other: the first imports the seeds, the second finds them
        for (int i = 0; i < 2; i++) {
          portal[i] = start(db, index[i], ports[i]);
          portal[i].awaitReady(Duration.ofMinutes(3));
        }
        haproxy = haproxy(lb, ports);
        awaitStatus(lb, "/ready", 200, Duration.ofSeconds(30));

        AtomicBoolean running = new AtomicBoolean(true);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicLong slowest = new AtomicLong();
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
          int first = t;
          load.submit(
              () -> {
                for (int n = first; running.get() && n < 200_000; n++) {
                  long t0 = System.nanoTime();
                  int s = status(lb, LOAD.get(n % LOAD.size()));
                  slowest.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
                  statuses.merge(s, 1, Integer::sum);
                  sleep(20);
                }
              });
        }
        for (int i = 0; i < 2; i++) {
          Thread.sleep(2000);
          portal[i].sigterm();
          portal[i].awaitExit(Duration.ofSeconds(60));
          portal[i].close();
          portal[i] = start(db, index[i], ports[i]);
          portal[i].awaitReady(Duration.ofMinutes(3));
          Thread.sleep(2500); // HAProxy sees it ready (rise 2) before the other one goes
        }
        Thread.sleep(2000);
        running.set(false);
        load.shutdown();
        assertTrue(load.awaitTermination(60, TimeUnit.SECONDS));
        int total = statuses.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println(
            "Rolling restart through HAProxy: "
                + total
                + " requests "
                + statuses
                + ", slowest "
                + slowest.get()
                + " ms");
        assertTrue(total > 100, "constant load: " + statuses);
        assertTrue(
            statuses.keySet().stream().allMatch(s -> s >= 200 && s < 300), "only 2xx: " + statuses);
        assertTrue(slowest.get() < 2000, "none slower than 2 s: " + slowest.get() + " ms");

        // sessions and login throttling live in PostgreSQL: both instances share them
        String hash = PasswordHasher.hash(PASSWORD.toCharArray());
        db.exec(
            "INSERT INTO users (login, password_hash, role) VALUES ('both', '"
                + hash
                + "', 'contributor'), ('guessed', '"
                + hash
                + "', 'contributor')");
        HttpResponse<Void> signedIn = login(ports[0], "both", PASSWORD);
        assertEquals(303, signedIn.statusCode(), "signed in on the first instance");
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertEquals(200, desk(ports[1], cookie), "and still signed in on the second");
        List<Integer> guesses = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++)
          guesses.add(login(ports[i % 2], "guessed", "wrong").statusCode());
        // counted per instance, neither would see more than its five free guesses
        assertEquals(List.of(401, 401, 401, 401, 401), guesses.subList(0, 5), "free guesses");
        assertTrue(
            guesses.subList(5, 9).contains(429),
            "five free guesses per account, counted over both instances, then a wait: " + guesses);

        // published (as the desk's transaction would) while both run: searchable on each instance
        // within 2 s
        db.exec(
            "INSERT INTO articles (slug, title, body, status, published_at, origin) VALUES ('shared-by-both', "
                + "'两个实例共同看到的报道', '正文。', 'published', now(), 'editor')");
        for (PortalProcess p : portal) {
          assertTrue(
              within(
                  Duration.ofSeconds(2),
                  () ->
                      p.get("/api/search?q=%E5%85%B1%E5%90%8C%E7%9C%8B%E5%88%B0")
                          .body()
                          .contains("shared-by-both")),
              "searchable on port " + p.port() + " within 2 s");
        }

        // scheduled publishing: both schedulers run, the article is published once
        db.exec(
            "INSERT INTO articles (slug, title, body, status, scheduled_at, origin) VALUES ('scheduled-once', "
                + "'定时发布一次的报道', '正文。', 'scheduled', now() + interval '1 second', 'editor')");
        assertTrue(
            within(
                Duration.ofSeconds(20),
                () ->
                    "published"
                        .equals(
                            db.queryOne(
                                "SELECT status FROM articles WHERE slug = 'scheduled-once'"))),
            "published by a scheduler");
        Thread.sleep(11_000); // two more periods of both schedulers
        assertEquals(
            "1",
            db.queryOne(
                "SELECT count(*) FROM audit_log WHERE action = 'article.publish' "
                    + "AND entity_id = (SELECT id FROM articles WHERE slug = 'scheduled-once')"),
            "published exactly once");
      } finally {
        if (haproxy != null) haproxy.destroy();
        for (PortalProcess p : portal) if (p != null) p.close();
      }
    }
  }

  private static PortalProcess start(TestDatabase db, Path index, int port) throws Exception {
    return PortalProcess.start(
        db,
        index,
        Map.of(
            "PORTAL_HTTP_PORT",
            String.valueOf(port),
            "PORTAL_SHUTDOWN_DRAIN_MS",
            "3000",
            "PORTAL_TRUSTED_PROXIES",
            "127.0.0.1",
            "PORTAL_SEEDS_DIR",
            "seeds"));
  }

  static final String PASSWORD = "correct horse battery staple";

  private static HttpResponse<Void> login(int port, String login, String password)
      throws Exception {
    String form =
        "login="
            + URLEncoder.encode(login, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/editor/login"))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Origin", "http://127.0.0.1:" + port)
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  private static int desk(int port, String cookie) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/editor/articles"))
                .timeout(Duration.ofSeconds(10))
                .header("Cookie", cookie)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** deploy/haproxy.cfg with the test's loopback ports. */
  private static Process haproxy(int lb, int[] ports) throws Exception {
    String cfg =
        Files.readString(Path.of("deploy", "haproxy.cfg"))
            .replace("127.0.0.1:8080", "127.0.0.1:" + lb)
            .replace("127.0.0.1:8081", "127.0.0.1:" + ports[0])
            .replace("127.0.0.1:8082", "127.0.0.1:" + ports[1]);
    Path file = Files.createTempFile("haproxy-", ".cfg");
    Files.writeString(file, cfg);
    Path log = Files.createTempFile("haproxy-", ".log");
    return new ProcessBuilder(HAPROXY.toString(), "-db", "-f", file.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static int status(int port, String path) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .timeout(Duration.ofSeconds(10))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  private static void awaitStatus(int port, String path, int expected, Duration within)
      throws Exception {
    assertTrue(within(within, () -> status(port, path) == expected), path + " answers " + expected);
  }

  interface Check {
    boolean ok() throws Exception;
  }

  private static boolean within(Duration d, Check check) throws Exception {
    long deadline = System.nanoTime() + d.toNanos();
    do {
      if (check.ok()) return true;
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    return check.ok();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package cn.shegong.portal.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.IndexOnDisk;
import cn.shegong.portal.testing.PortalProcess;
import cn.shegong.portal.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SIGTERM under load")
class GracefulShutdownIT {

  @Test
  @DisplayName(
      "/ready goes down first, requests in flight finish without a 5xx, the index is committed and closed, the process exits cleanly")
  void sigtermUnderLoad() throws Exception {
    Path index = Files.createTempDirectory("portal-index-");
    try (TestDatabase db = TestDatabase.create();
        PortalProcess portal =
            PortalProcess.start(db, index, Map.of("PORTAL_SHUTDOWN_DRAIN_MS", "1500"))) {
      portal.awaitReady(Duration.ofMinutes(2));
      int committedAtStart = IndexOnDisk.committedDocs(IndexOnDisk.liveGeneration(index));
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger ok = new AtomicInteger();
      Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
      ExecutorService load = Executors.newFixedThreadPool(4);
      for (int i = 0; i < 4; i++) {
        load.submit(
            () -> {
              while (running.get()) {
                int s = portal.status("/news");
                if (s == 200) ok.incrementAndGet();
                statuses.merge(s, 1, Integer::sum);
              }
            });
      }
      // a change the index takes in shortly before the signal: it must be in the last commit on
      // disk
      db.exec(
          "INSERT INTO articles (slug, title, body, status, published_at, origin) VALUES ('just-before-sigterm', "
              + "'关机之前刚发布的报道', '正文。', 'published', now(), 'editor')");
      long seen = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!portal
              .get("/api/search?q=%E5%85%B3%E6%9C%BA%E4%B9%8B%E5%89%8D")
              .body()
              .contains("just-before-sigterm")
          && System.nanoTime() < seen) {
        Thread.sleep(100);
      }
      Thread.sleep(300);
      portal.sigterm();

      List<Integer> readySeen = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline) {
        int s = portal.status("/ready");
        if (readySeen.isEmpty() || readySeen.get(readySeen.size() - 1) != s) readySeen.add(s);
        if (s == -1) break;
        Thread.sleep(50);
      }
      int exit = portal.awaitExit(Duration.ofSeconds(40));
      running.set(false);
      load.shutdown();
      load.awaitTermination(20, TimeUnit.SECONDS);

      assertTrue(readySeen.contains(503), "ready reported 503 while draining: " + readySeen);
      assertEquals(
          -1, (int) readySeen.get(readySeen.size() - 1), "then stopped answering: " + readySeen);
      assertTrue(
          readySeen.indexOf(503) < readySeen.lastIndexOf(-1), "503 before refusing: " + readySeen);
      assertTrue(ok.get() > 0, "the load got answers: " + statuses);
      assertTrue(
          statuses.keySet().stream().noneMatch(s -> s >= 500),
          "no 5xx under shutdown: " + statuses);
      assertTrue(exit == 0 || exit == 143, "clean exit code, got " + exit);
      assertTrue(portal.log().contains("Stopped"), "closed in order:\n" + portal.log());
      assertTrue(
          portal.log().contains("Search index committed and closed"),
          "index closed:\n" + portal.log());
      Path live = IndexOnDisk.liveGeneration(index);
      assertNull(
          IndexOnDisk.problems(live),
          "CheckIndex after SIGTERM (it also takes the write lock: released)");
      assertEquals(
          committedAtStart + 1, IndexOnDisk.committedDocs(live), "the last change was committed");
    }
  }
}

package cn.shegong.portal.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  @DisplayName("/ready goes down first, requests in flight finish without a 5xx, and the process exits cleanly")
  void sigtermUnderLoad() throws Exception {
    try (TestDatabase db = TestDatabase.create();
         PortalProcess portal = PortalProcess.start(db, Files.createTempDirectory("portal-index-"),
             Map.of("PORTAL_SHUTDOWN_DRAIN_MS", "1500"))) {
      portal.awaitReady(Duration.ofMinutes(2));
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger ok = new AtomicInteger();
      Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
      ExecutorService load = Executors.newFixedThreadPool(4);
      for (int i = 0; i < 4; i++) {
        load.submit(() -> {
          while (running.get()) {
            int s = portal.status("/news");
            if (s == 200) ok.incrementAndGet();
            statuses.merge(s, 1, Integer::sum);
          }
        });
      }
      Thread.sleep(1000);
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
      assertEquals(-1, (int) readySeen.get(readySeen.size() - 1), "then stopped answering: " + readySeen);
      assertTrue(readySeen.indexOf(503) < readySeen.lastIndexOf(-1), "503 before refusing: " + readySeen);
      assertTrue(ok.get() > 0, "the load got answers: " + statuses);
      assertTrue(statuses.keySet().stream().noneMatch(s -> s >= 500), "no 5xx under shutdown: " + statuses);
      assertTrue(exit == 0 || exit == 143, "clean exit code, got " + exit);
      assertTrue(portal.log().contains("Stopped"), "closed in order:\n" + portal.log());
    }
  }
}

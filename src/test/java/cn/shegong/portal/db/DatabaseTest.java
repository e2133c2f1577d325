package cn.shegong.portal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.config.AppConfig;
import cn.shegong.portal.testing.TestDatabase;
import cn.shegong.portal.web.ErrorPages;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The database connection")
class DatabaseTest {

  @Test
  @DisplayName(
      "sets statement_timeout, bounds the pool's wait queue and refuses work past it instead of queueing forever")
  void boundedPool(Vertx vertx) throws Exception {
    try (TestDatabase testDb = TestDatabase.create()) {
      AppConfig config =
          AppConfig.from(
              Map.of(
                  "PORTAL_DB_URL",
                  testDb.url(),
                  "PORTAL_DB_POOL_SIZE",
                  "1",
                  "PORTAL_DB_POOL_MAX_WAIT",
                  "2",
                  "PORTAL_DB_STATEMENT_TIMEOUT_MS",
                  "700"));
      Database db = Database.open(vertx, config).await(2, TimeUnit.MINUTES);
      try {
        String timeout =
            db.pool()
                .query("SHOW statement_timeout")
                .execute()
                .await(10, TimeUnit.SECONDS)
                .iterator()
                .next()
                .getString(0);
        assertEquals("700ms", timeout);
        var slow = db.pool().query("SELECT pg_sleep(5)").execute();
        Throwable failure =
            slow.otherwiseEmpty().await(10, TimeUnit.SECONDS) == null ? slow.cause() : null;
        assertTrue(
            failure != null && ErrorPages.isDatabaseDown(failure),
            "a statement over the timeout is cancelled and counts as unavailable: " + failure);

        List<Future<?>> burst = new ArrayList<>();
        for (int i = 0; i < 6; i++) burst.add(db.pool().query("SELECT pg_sleep(0.3)").execute());
        Future.join(burst).otherwiseEmpty().await(20, TimeUnit.SECONDS);
        long refused = burst.stream().filter(Future::failed).count();
        assertTrue(
            refused >= 3, "1 running + 2 waiting; the rest refused at once, refused " + refused);
      } finally {
        db.close(vertx).await(30, TimeUnit.SECONDS);
      }
    }
  }
}

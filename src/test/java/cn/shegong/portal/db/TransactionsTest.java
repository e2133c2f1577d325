package cn.shegong.portal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.config.AppConfig;
import cn.shegong.portal.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("A transaction PostgreSQL aborts for a deadlock is run again")
class TransactionsTest {
  @Test
  @DisplayName(
      "two writers locking the same rows in opposite order: PostgreSQL kills one (40P01), both end saved")
  void deadlockRetried(Vertx vertx) throws Exception {
    try (TestDatabase testDb = TestDatabase.create()) {
      Database db =
          Database.open(vertx, AppConfig.from(Map.of("PORTAL_DB_URL", testDb.url())))
              .await(2, TimeUnit.MINUTES);
      try {
        testDb.exec("CREATE TABLE pair (id int PRIMARY KEY, n int NOT NULL)");
        testDb.exec("INSERT INTO pair VALUES (1, 0), (2, 0)");
        AtomicInteger attempts = new AtomicInteger();
        Future<Void> one = Transactions.retrying(db.deskPool(), c -> crossing(c, 1, 2, attempts));
        Future<Void> two = Transactions.retrying(db.deskPool(), c -> crossing(c, 2, 1, attempts));
        Future.all(one, two).await(60, TimeUnit.SECONDS);
        assertEquals("2", testDb.queryOne("SELECT min(n) FROM pair"), "both writers' changes");
        assertTrue(attempts.get() >= 3, "one of them ran again: " + attempts.get());
      } finally {
        db.close(vertx).await(1, TimeUnit.MINUTES);
      }
    }
  }

  private static Future<Void> crossing(
      SqlConnection c, int first, int second, AtomicInteger attempts) {
    attempts.incrementAndGet();
    String bump = "UPDATE pair SET n = n + 1 WHERE id = $1";
    return c.preparedQuery(bump)
        .execute(Tuple.of(first))
        .compose(v -> c.query("SELECT pg_sleep(0.5)").execute())
        .compose(v -> c.preparedQuery(bump).execute(Tuple.of(second)))
        .mapEmpty();
  }
}

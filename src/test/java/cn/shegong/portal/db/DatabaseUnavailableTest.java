package cn.shegong.portal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.testing.TcpProxy;
import cn.shegong.portal.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each way PostgreSQL can be unavailable, provoked on the real server, ends in an "unavailable"
 * kind.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Real PostgreSQL failures classify as unavailable")
class DatabaseUnavailableTest {
  static TestDatabase db;

  @BeforeAll
  static void create() {
    db = TestDatabase.create();
    db.exec("CREATE TABLE t (id int PRIMARY KEY)");
  }

  @AfterAll
  static void drop() {
    db.drop();
  }

  private static Pool pool(
      Vertx vertx, String user, String database, int port, int size, int waitMs) {
    PgConnectOptions o =
        new PgConnectOptions()
            .setHost("127.0.0.1")
            .setPort(port)
            .setUser(user)
            .setDatabase(database)
            .addProperty("statement_timeout", "600")
            .addProperty("application_name", "outage-test");
    return PgBuilder.pool()
        .with(
            new PoolOptions()
                .setMaxSize(size)
                .setMaxWaitQueueSize(8)
                .setConnectionTimeout(waitMs)
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS))
        .connectingTo(o)
        .using(vertx)
        .build();
  }

  private static Pool pool(Vertx vertx) {
    return pool(vertx, TestDatabase.USER, db.name(), TestDatabase.PORT, 2, 20_000);
  }

  private static Throwable failureOf(Future<?> f) throws Exception {
    f.otherwiseEmpty().await(20, TimeUnit.SECONDS);
    assertTrue(f.failed(), "expected a failure");
    return f.cause();
  }

  private static void assertUnavailable(DbFailure expected, Throwable t) {
    assertEquals(expected, DbFailure.classify(t), "classified " + t);
  }

  @Test
  @DisplayName(
      "ALLOW_CONNECTIONS false plus ending the sessions: 57P01 for the open one, 55000 for new ones")
  void maintenanceWindow(Vertx vertx) throws Exception {
    Pool p = pool(vertx);
    try {
      SqlConnection held = p.getConnection().await(10, TimeUnit.SECONDS);
      held.query("SET statement_timeout = 0").execute().await(10, TimeUnit.SECONDS);
      Future<?> running = held.query("SELECT pg_sleep(20)").execute();
      Thread.sleep(300);
      TestDatabase.admin("ALTER DATABASE " + db.name() + " ALLOW_CONNECTIONS false");
      TestDatabase.admin(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'outage-test'");
      Throwable onHeld = failureOf(running);
      assertUnavailable(DbFailure.UNREACHABLE, onHeld);
      held.close();
      assertUnavailable(DbFailure.REFUSING, failureOf(p.query("SELECT 1").execute()));
    } finally {
      TestDatabase.admin("ALTER DATABASE " + db.name() + " ALLOW_CONNECTIONS true");
      p.close();
    }
    Pool again = pool(vertx);
    assertEquals(
        1,
        again.query("SELECT 1").execute().await(10, TimeUnit.SECONDS).size(),
        "back once allowed");
    again.close();
  }

  @Test
  @DisplayName("a role or database at its connection limit: 53300")
  void connectionLimit(Vertx vertx) throws Exception {
    String role = "outage_" + UUID.randomUUID().toString().substring(0, 8);
    TestDatabase.admin("CREATE ROLE " + role + " LOGIN CONNECTION LIMIT 0");
    try {
      Pool p = pool(vertx, role, db.name(), TestDatabase.PORT, 1, 800);
      assertUnavailable(DbFailure.REFUSING, failureOf(p.query("SELECT 1").execute()));
      p.close();
      TestDatabase.admin("ALTER ROLE " + role + " CONNECTION LIMIT -1");
      TestDatabase.admin("ALTER DATABASE " + db.name() + " CONNECTION LIMIT 0");
      Pool q = pool(vertx, role, db.name(), TestDatabase.PORT, 1, 800);
      Throwable t = failureOf(q.query("SELECT 1").execute());
      assertUnavailable(DbFailure.REFUSING, t);
      assertEquals("53300", ((io.vertx.pgclient.PgException) t).getSqlState());
      q.close();
    } finally {
      TestDatabase.admin("ALTER DATABASE " + db.name() + " CONNECTION LIMIT -1");
      TestDatabase.admin("DROP ROLE IF EXISTS " + role);
    }
  }

  @Test
  @DisplayName("a missing database (3D000) and an unknown role (28000)")
  void missingDatabaseAndRole(Vertx vertx) throws Exception {
    Pool p =
        pool(
            vertx,
            TestDatabase.USER,
            "portal_missing_" + UUID.randomUUID().toString().substring(0, 8),
            TestDatabase.PORT,
            1,
            800);
    assertUnavailable(DbFailure.REFUSING, failureOf(p.query("SELECT 1").execute()));
    p.close();
    Pool q =
        pool(
            vertx,
            "no_such_role_" + UUID.randomUUID().toString().substring(0, 8),
            db.name(),
            TestDatabase.PORT,
            1,
            800);
    assertUnavailable(DbFailure.REFUSING, failureOf(q.query("SELECT 1").execute()));
    q.close();
  }

  @Test
  @DisplayName(
      "a statement past statement_timeout (57014) and a write on a read-only session (25006)")
  void timeoutAndReadOnly(Vertx vertx) throws Exception {
    Pool p = pool(vertx);
    try {
      assertUnavailable(DbFailure.TIMEOUT, failureOf(p.query("SELECT pg_sleep(3)").execute()));
      Throwable ro =
          failureOf(
              p.withConnection(
                  c ->
                      c.query("SET default_transaction_read_only = on")
                          .execute()
                          .compose(v -> c.query("INSERT INTO t VALUES (1)").execute())
                          .eventually(
                              () -> c.query("SET default_transaction_read_only = off").execute())));
      assertUnavailable(DbFailure.READ_ONLY, ro);
    } finally {
      p.close();
    }
  }

  @Test
  @DisplayName("the TCP connection cut, and nothing listening: connection errors")
  void tcpCut(Vertx vertx) throws Exception {
    TcpProxy proxy = new TcpProxy(vertx, TestDatabase.HOST, TestDatabase.PORT);
    int port = proxy.up().await(10, TimeUnit.SECONDS);
    Pool p = pool(vertx, TestDatabase.USER, db.name(), port, 1, 800);
    try {
      SqlConnection c = p.getConnection().await(10, TimeUnit.SECONDS);
      Future<?> slow = c.query("SELECT pg_sleep(0.5)").execute();
      proxy.down().await(5, TimeUnit.SECONDS);
      assertUnavailable(DbFailure.UNREACHABLE, failureOf(slow));
      c.close();
      assertUnavailable(DbFailure.UNREACHABLE, failureOf(p.query("SELECT 1").execute()));
    } finally {
      p.close();
    }
  }

  @Test
  @DisplayName(
      "a lock held while many requests queue: the pool's wait timeout and full queue are BUSY, never unknown")
  void saturatedPool(Vertx vertx) throws Exception {
    Pool p = pool(vertx, TestDatabase.USER, db.name(), TestDatabase.PORT, 2, 800);
    Pool holder = pool(vertx);
    try {
      SqlConnection locker = holder.getConnection().await(10, TimeUnit.SECONDS);
      locker
          .query("BEGIN")
          .execute()
          .compose(v -> locker.query("LOCK TABLE t IN ACCESS EXCLUSIVE MODE").execute())
          .await(10, TimeUnit.SECONDS);
      List<Future<?>> burst = new ArrayList<>();
      for (int i = 0; i < 40; i++) burst.add(p.query("SELECT count(*) FROM t").execute());
      Future.join(burst).otherwiseEmpty().await(30, TimeUnit.SECONDS);
      List<DbFailure> kinds = burst.stream().map(f -> DbFailure.classify(f.cause())).toList();
      assertTrue(
          kinds.stream().allMatch(DbFailure::unavailable), "every failure unavailable: " + kinds);
      assertTrue(kinds.contains(DbFailure.BUSY), "waiters timed out or were refused: " + kinds);
      locker.query("ROLLBACK").execute().await(10, TimeUnit.SECONDS);
      locker.close();
    } finally {
      p.close();
      holder.close();
    }
  }
}

package cn.shegong.portal.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Whether the database was reachable at the last call that could tell")
class ReachabilityTest {
  @Test
  @DisplayName(
      "a cut connection or a refusal marks it unreachable; a busy pool or a bug does not; a success restores it")
  void followsOutcomes() {
    Reachability r = new Reachability();
    assertTrue(r.reachable());
    r.watch(Future.failedFuture(new IllegalStateException("a bug")));
    assertTrue(r.reachable(), "a fault of ours says nothing about the database");
    r.watch(Future.failedFuture(PoolWaitTimeout.instance()));
    assertTrue(r.reachable(), "a saturated pool: the database still answers others");
    r.watch(Future.failedFuture(new ConnectException("refused")));
    assertFalse(r.reachable());
    r.watch(Future.succeededFuture("row"));
    assertTrue(r.reachable());
    r.noteFailure(new PgException("database does not allow connections", "FATAL", "55000", ""));
    assertFalse(r.reachable());
  }
}

package cn.shegong.portal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("A database failure is classified from its type and SQLSTATE")
class DbFailureTest {
  private static PgException pg(String state) {
    return new PgException("some server text", "FATAL", state, null);
  }

  @ParameterizedTest(name = "SQLSTATE {0} → {1}")
  @CsvSource({
    "08000, UNREACHABLE",
    "08001, UNREACHABLE",
    "08006, UNREACHABLE",
    "08P01, UNREACHABLE",
    "57P01, UNREACHABLE",
    "57P02, UNREACHABLE",
    "57P03, UNREACHABLE",
    "55000, REFUSING",
    "53300, REFUSING",
    "53100, REFUSING",
    "53200, REFUSING",
    "3D000, REFUSING",
    "28000, REFUSING",
    "28P01, REFUSING",
    "57014, TIMEOUT",
    "40001, CONFLICT",
    "40P01, CONFLICT",
    "25006, READ_ONLY",
    "23505, OTHER",
    "42P01, OTHER",
    "22P02, OTHER",
    "42703, OTHER",
    "P0001, OTHER"
  })
  void sqlStates(String state, DbFailure expected) {
    assertEquals(expected, DbFailure.classify(pg(state)));
    assertEquals(expected != DbFailure.OTHER, DbFailure.isUnavailable(pg(state)));
  }

  @Test
  @DisplayName("driver and network types are recognised, also as the cause of a wrapper")
  void types() {
    assertEquals(
        DbFailure.UNREACHABLE, DbFailure.classify(new ConnectException("Connection refused")));
    assertEquals(DbFailure.UNREACHABLE, DbFailure.classify(ClosedConnectionException.INSTANCE));
    assertEquals(
        DbFailure.BUSY, DbFailure.classify(new ConnectionPoolTooBusyException("whatever text")));
    assertEquals(DbFailure.TIMEOUT, DbFailure.classify(new NoStackTraceTimeoutException("x")));
    assertEquals(
        DbFailure.REFUSING,
        DbFailure.classify(new CompletionException(new RuntimeException(pg("55000")))));
  }

  @Test
  @DisplayName("message text decides nothing: a plain error that mentions a timeout stays unknown")
  void messagesDecideNothing() {
    assertFalse(DbFailure.isUnavailable(new VertxException("Timeout waiting for connection")));
    assertFalse(DbFailure.isUnavailable(new IllegalStateException("Connection refused")));
    assertFalse(DbFailure.isUnavailable(new NullPointerException()));
    assertFalse(DbFailure.isUnavailable(null));
  }

  @Test
  @DisplayName("only serialization failures and deadlocks are worth a retry")
  void retryable() {
    assertTrue(DbFailure.retryable(pg("40001")));
    assertTrue(DbFailure.retryable(pg("40P01")));
    assertFalse(DbFailure.retryable(pg("55000")));
    assertFalse(DbFailure.retryable(pg("23505")));
  }
}

package cn.shegong.portal.db;

import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

/**
 * Why a database call failed, decided once from the driver's typed errors and SQLSTATEs (never from
 * message text). Every kind but {@link #OTHER} means "the database is unavailable right now": the
 * caller answers 503 or a kept copy; {@link #OTHER} is a fault of ours and stays a 500.
 */
public enum DbFailure {
  /** No connection: refused, reset, cut, or the server ended it (08*, 57P01/02/03). */
  UNREACHABLE,
  /**
   * The server answers but takes no connections from us: 55000, 53300 and other 53*, 3D000,
   * 28000/28P01.
   */
  REFUSING,
  /** Our pool had no connection to give in time, or its wait queue was full. */
  BUSY,
  /** A statement ran past statement_timeout (57014) or a call past its deadline. */
  TIMEOUT,
  /** A serialization failure or deadlock (40001/40P01) still there after the caller's retries. */
  CONFLICT,
  /** A write reached a read-only standby (25006). */
  READ_ONLY,
  /** Anything else: a bug or a constraint, not an outage. */
  OTHER;

  /**
   * The pool's own "no connection in time" is one shared instance of a plain VertxException: known
   * by identity.
   */
  private static final Throwable POOL_WAIT_TIMEOUT = PoolWaitTimeout.instance();

  public boolean unavailable() {
    return this != OTHER;
  }

  /** The first cause in the chain that says the database is unavailable, else {@link #OTHER}. */
  public static DbFailure classify(Throwable failure) {
    int depth = 0;
    for (Throwable c = failure; c != null && depth < 16; c = c.getCause(), depth++) {
      DbFailure kind = one(c);
      if (kind != OTHER) return kind;
    }
    return OTHER;
  }

  public static boolean isUnavailable(Throwable failure) {
    return classify(failure).unavailable();
  }

  /** Serialization failures and deadlocks: worth running the transaction again before giving up. */
  public static boolean retryable(Throwable failure) {
    return failure instanceof PgException pg
        && ("40001".equals(pg.getSqlState()) || "40P01".equals(pg.getSqlState()));
  }

  private static DbFailure one(Throwable c) {
    if (c instanceof PgException pg) return ofSqlState(pg.getSqlState());
    if (c == POOL_WAIT_TIMEOUT || c instanceof ConnectionPoolTooBusyException) return BUSY;
    if (c instanceof TimeoutException) return TIMEOUT;
    if (c instanceof ConnectException
        || c instanceof NoRouteToHostException
        || c instanceof UnknownHostException
        || c instanceof SocketException
        || c instanceof ClosedChannelException
        || c instanceof ClosedConnectionException) return UNREACHABLE;
    return OTHER;
  }

  static DbFailure ofSqlState(String state) {
    if (state == null || state.length() != 5) return OTHER;
    if (state.startsWith("08")) return UNREACHABLE;
    return switch (state) {
      case "57P01", "57P02", "57P03" -> UNREACHABLE;
      case "55000", "3D000", "28000", "28P01" -> REFUSING;
      case "57014" -> TIMEOUT;
      case "40001", "40P01" -> CONFLICT;
      case "25006" -> READ_ONLY;
      default ->
          state.startsWith("53")
              ? REFUSING
              : OTHER; // 53300 too many connections, 53xxx out of resources
    };
  }
}

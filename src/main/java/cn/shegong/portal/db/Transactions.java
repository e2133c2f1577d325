package cn.shegong.portal.db;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * A transaction that PostgreSQL aborted for a deadlock or a serialization failure (40P01, 40001)
 * did nothing: it is run again, a few times, after a short random pause, before the failure is
 * reported (as {@link DbFailure#CONFLICT}, a 503).
 */
public final class Transactions {
  static final int ATTEMPTS = 3;

  private Transactions() {}

  public static <T> Future<T> retrying(Pool pool, Function<SqlConnection, Future<T>> work) {
    return attempt(pool, work, 1);
  }

  private static <T> Future<T> attempt(Pool pool, Function<SqlConnection, Future<T>> work, int n) {
    return pool.withTransaction(work)
        .recover(
            e -> {
              if (n >= ATTEMPTS || !DbFailure.retryable(e)) return Future.failedFuture(e);
              Context context = Vertx.currentContext();
              Future<Void> pause =
                  context == null
                      ? Future.succeededFuture()
                      : context
                          .owner()
                          .timer(20L * n + ThreadLocalRandom.current().nextLong(50))
                          .mapEmpty();
              return pause.compose(v -> attempt(pool, work, n + 1));
            });
  }
}

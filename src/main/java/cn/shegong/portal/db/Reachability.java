package cn.shegong.portal.db;

import io.vertx.core.Future;

/**
 * Whether the database was reachable at the last call that could tell: a cut connection or a
 * refusal makes it unreachable at once, before a listening connection's close has arrived; the next
 * call that succeeds makes it reachable again. Copies kept in memory are not served as current
 * while it is unreachable, since changes made meanwhile by others cannot be seen.
 */
public final class Reachability {
  private volatile boolean reachable = true;
  private volatile java.time.Instant lastReached = java.time.Instant.now();

  public boolean reachable() {
    return reachable;
  }

  /** When a call last succeeded: how current the copies kept in memory are. */
  public java.time.Instant lastReached() {
    return lastReached;
  }

  /** Observes the outcome of a call and passes it on unchanged. */
  public <T> Future<T> watch(Future<T> call) {
    return call.andThen(
        done -> {
          if (done.succeeded()) {
            reachable = true;
            lastReached = java.time.Instant.now();
          } else noteFailure(done.cause());
        });
  }

  public void noteFailure(Throwable failure) {
    DbFailure kind = DbFailure.classify(failure);
    if (kind == DbFailure.UNREACHABLE || kind == DbFailure.REFUSING) reachable = false;
  }
}

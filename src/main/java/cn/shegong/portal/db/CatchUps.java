package cn.shegong.portal.db;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;

/** Callers waiting for a catch-up cycle that begins after they asked; each cycle answers those. */
final class CatchUps {
  private List<Promise<Void>> waiting = new ArrayList<>();

  synchronized Future<Void> await() {
    Promise<Void> p = Promise.promise();
    waiting.add(p);
    return p.future();
  }

  /** A cycle begins: the callers its outcome answers. */
  synchronized List<Promise<Void>> begin() {
    List<Promise<Void>> these = waiting;
    waiting = new ArrayList<>();
    return these;
  }

  /** Nothing follows any more: no one waits for ever. */
  void abandon() {
    answer(begin(), Future.failedFuture("no longer following the change log"));
  }

  static void answer(List<Promise<Void>> these, AsyncResult<?> outcome) {
    for (Promise<Void> p : these) {
      if (outcome.succeeded()) p.tryComplete();
      else p.tryFail(outcome.cause());
    }
  }
}

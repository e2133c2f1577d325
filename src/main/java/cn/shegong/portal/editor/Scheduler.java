package cn.shegong.portal.editor;

import cn.shegong.portal.db.Transactions;
import cn.shegong.portal.news.Article;
import cn.shegong.portal.news.ArticleEdits;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes scheduled articles when their time comes, and clears dead sessions. The state lives in
 * the database, so a restart loses nothing; a single UPDATE means two processes never publish the
 * same article twice.
 */
public final class Scheduler {
  private static final Logger log = LoggerFactory.getLogger(Scheduler.class);
  static final long PERIOD_MS = 5_000;

  private final Pool pool;

  public Scheduler(Pool pool) {
    this.pool = pool;
  }

  /** Runs every few seconds on this verticle's context; its timer ends with the verticle. */
  public void start(Vertx vertx, boolean tls) {
    Sessions sessions = new Sessions(pool, tls);
    LoginThrottle throttle = new LoginThrottle(pool);
    vertx.setPeriodic(
        PERIOD_MS,
        PERIOD_MS,
        id ->
            publishDue()
                .compose(n -> sessions.deleteExpired())
                .compose(n -> throttle.deleteStale())
                .onFailure(
                    e -> log.warn("Scheduled publishing failed, will retry: {}", e.toString())));
  }

  /** Publishes every article whose scheduled time has passed; answers how many. */
  public Future<Integer> publishDue() {
    return Transactions.retrying(
            pool,
            conn ->
                ArticleEdits.publishDue(conn)
                    .compose(
                        published -> {
                          Future<Void> audit = Future.succeededFuture();
                          for (Article a : published) {
                            JsonObject detail =
                                new JsonObject()
                                    .put("version", a.version())
                                    .put("title", a.title());
                            audit =
                                audit.compose(
                                    v ->
                                        AuditLog.record(
                                            conn,
                                            "scheduler",
                                            "article.publish",
                                            "article",
                                            a.id(),
                                            detail));
                          }
                          return audit.map(v -> published.size());
                        }))
        .onSuccess(
            n -> {
              if (n > 0) log.info("Published {} scheduled article(s)", n);
            });
  }
}

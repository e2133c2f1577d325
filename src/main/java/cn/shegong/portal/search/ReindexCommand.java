package cn.shegong.portal.search;

import cn.shegong.portal.config.AppConfig;
import cn.shegong.portal.db.Database;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./portal reindex}: builds a fresh generation from the database and makes it current
 * atomically. A running portal notices the new generation within a second and switches to it.
 */
public final class ReindexCommand {
  private ReindexCommand() {}

  public static int run(AppConfig config) {
    Vertx vertx = Vertx.vertx();
    try {
      Database db = Database.open(vertx, config).await(2, TimeUnit.MINUTES);
      IndexBuilder.Built built =
          new IndexBuilder(vertx, db.pool(), new IndexGenerations(config.indexDir()))
              .rebuild()
              .await(30, TimeUnit.MINUTES);
      System.out.printf(
          "reindexed %d documents in %.1f s into %s%n",
          built.documents(), built.millis() / 1000.0, built.path());
      db.close(vertx).await(1, TimeUnit.MINUTES);
      return 0;
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalArgumentException("reindex did not finish in time");
    } finally {
      vertx.close();
    }
  }
}

package cn.shegong.portal.app;

import cn.shegong.portal.db.Database;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

/** What every feature's routes need: the running Vert.x, the configuration, the database and the page renderer. */
public record Portal(Vertx vertx, AppConfig config, Database database, Pages pages, Readiness readiness) {
  public Pool pool() {
    return database.pool();
  }
}

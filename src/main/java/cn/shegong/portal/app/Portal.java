package cn.shegong.portal.app;

import cn.shegong.portal.db.Database;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

/**
 * What every feature's routes need: the running Vert.x, the configuration, the database, the page renderer and
 * the cache of rendered pages (whose content version also tells other caches when content changed).
 */
public record Portal(Vertx vertx, AppConfig config, Database database, Pages pages, Readiness readiness,
    PageCache pageCache) {
  public Pool pool() {
    return database.pool();
  }
}

package cn.shegong.portal.web;

import cn.shegong.portal.config.AppConfig;
import cn.shegong.portal.db.ContentVersions;
import cn.shegong.portal.db.Database;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.function.Supplier;

/**
 * What every feature's routes need: the running Vert.x, the configuration, the database, the page
 * renderer, the cache of rendered pages (whose content version also tells other caches when content
 * changed) and the stations' own version (null while changes cannot be seen), for what is kept of
 * the stations in memory.
 */
public record Portal(
    Vertx vertx,
    AppConfig config,
    Database database,
    Pages pages,
    Readiness readiness,
    PageCache pageCache,
    Supplier<ContentVersions.Stations> stationsVersion) {
  public Pool pool() {
    return database.pool();
  }

  /** The desk's own pool: public load cannot starve an editor. */
  public Pool deskPool() {
    return database.deskPool();
  }
}

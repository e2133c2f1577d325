package cn.shegong.portal.db;

import cn.shegong.portal.config.AppConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The portal's PostgreSQL: where it is, its migrated schema and a bounded connection pool. */
public final class Database {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final Pool pool;
  private final PgConnectOptions connectOptions;
  private final DatabaseLocation location;

  private Database(Pool pool, PgConnectOptions connectOptions, DatabaseLocation location) {
    this.pool = pool;
    this.connectOptions = connectOptions;
    this.location = location;
  }

  /** Finds or starts the database and migrates it; blocking steps run on a worker thread. */
  public static Future<Database> open(Vertx vertx, AppConfig config) {
    return vertx.executeBlocking(() -> {
          DatabaseLocation location = DatabaseLocation.resolve(config);
          Migrations.migrate(location);
          return location;
        }, false)
        .map(location -> {
          PgConnectOptions options = location.connectOptions()
              .addProperty("statement_timeout", String.valueOf(config.dbStatementTimeoutMs()))
              .addProperty("application_name", "social-work-portal")
              // parsed and planned once per connection: planning cost as much as running most page queries
              .setCachePreparedStatements(true)
              .setPreparedStatementCacheMaxSize(512);
          Pool pool = PgBuilder.pool()
              .with(new PoolOptions()
                  .setMaxSize(config.dbPoolSize())
                  .setMaxWaitQueueSize(config.dbPoolMaxWait())
                  .setConnectionTimeout(config.dbConnectTimeoutMs())
                  .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
                  .setIdleTimeout(5)
                  .setIdleTimeoutUnit(TimeUnit.MINUTES))
              .with(new NetClientOptions().setConnectTimeout(config.dbConnectTimeoutMs()))
              .connectingTo(options)
              .using(vertx)
              .build();
          log.info("Database ready: {}", location.describe());
          return new Database(pool, options, location);
        });
  }

  public Pool pool() {
    return pool;
  }

  /** For dedicated connections such as LISTEN, which must not hold a pooled connection forever. */
  public PgConnectOptions connectOptions() {
    return new PgConnectOptions(connectOptions);
  }

  public DatabaseLocation location() {
    return location;
  }

  /** Answers within the connect timeout whether the database can run a query right now. */
  public Future<Boolean> ping() {
    return pool.query("SELECT 1").execute().map(rows -> true).otherwise(false);
  }

  public Future<Void> close(Vertx vertx) {
    return pool.close().eventually(() -> vertx.executeBlocking(() -> {
      location.close();
      return null;
    }, false));
  }
}

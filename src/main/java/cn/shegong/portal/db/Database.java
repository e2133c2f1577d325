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

  private final Pools pools;
  private final PgConnectOptions connectOptions;
  private final DatabaseLocation location;
  private final Reachability reachability = new Reachability();
  private final ChangeFeed changes;

  /**
   * Public requests, the change follower, the scheduler and the desk each draw from a pool of their
   * own, so a flood of readers waiting for connections cannot starve the index, scheduled
   * publishing or an editor.
   */
  private record Pools(Pool pub, Pool follower, Pool scheduler, Pool desk) {
    Future<Void> close() {
      return Future.join(pub.close(), follower.close(), scheduler.close(), desk.close()).mapEmpty();
    }
  }

  private Database(
      Vertx vertx, Pools pools, PgConnectOptions connectOptions, DatabaseLocation location) {
    this.pools = pools;
    this.connectOptions = connectOptions;
    this.location = location;
    // NOTIFY wakes it at once; the poll is the safety net for notifications lost while cut off
    this.changes =
        new ChangeFeed(
            vertx, pools.follower(), new PgConnectOptions(connectOptions), reachability, 1000);
  }

  /** Finds or starts the database and migrates it; blocking steps run on a worker thread. */
  public static Future<Database> open(Vertx vertx, AppConfig config) {
    return vertx
        .executeBlocking(
            () -> {
              DatabaseLocation location = DatabaseLocation.resolve(config);
              Migrations.migrate(location);
              return location;
            },
            false)
        .map(
            location -> {
              PgConnectOptions options =
                  location
                      .connectOptions()
                      .addProperty(
                          "statement_timeout", String.valueOf(config.dbStatementTimeoutMs()))
                      .addProperty("application_name", "social-work-portal")
                      // parsed and planned once per connection: planning cost as much as running
                      // most page queries
                      .setCachePreparedStatements(true)
                      .setPreparedStatementCacheMaxSize(512);
              Pools pools =
                  new Pools(
                      pool(vertx, config, options, config.dbPoolSize(), config.dbPoolMaxWait()),
                      pool(vertx, config, options, config.dbFollowerPoolSize(), 16),
                      pool(vertx, config, options, config.dbSchedulerPoolSize(), 16),
                      pool(vertx, config, options, config.dbDeskPoolSize(), 64));
              return new Database(vertx, pools, options, location);
            })
        .compose(
            db ->
                db.firstConnection(vertx, System.nanoTime() + TimeUnit.SECONDS.toNanos(60)).map(db))
        .onSuccess(db -> log.info("Database ready: {}", db.location.describe()));
  }

  /**
   * At start a slow first connection (a loaded machine, a database still starting) is waited for,
   * not fatal.
   */
  private Future<Void> firstConnection(Vertx vertx, long deadline) {
    return pools
        .pub()
        .query("SELECT 1")
        .execute()
        .<Void>mapEmpty()
        .recover(
            e -> {
              if (!DbFailure.isUnavailable(e) || System.nanoTime() > deadline)
                return Future.failedFuture(e);
              log.warn("Database not answering yet ({}), trying again", DbFailure.classify(e));
              return vertx.timer(500).compose(t -> firstConnection(vertx, deadline));
            });
  }

  private static Pool pool(
      Vertx vertx, AppConfig config, PgConnectOptions options, int size, int maxWait) {
    return PgBuilder.pool()
        .with(
            new PoolOptions()
                .setMaxSize(Math.max(1, size))
                .setMaxWaitQueueSize(maxWait)
                // how long a request waits for a free connection: an outage or a saturated pool
                // answers quickly
                .setConnectionTimeout(config.dbPoolWaitMs())
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
                .setIdleTimeout(5)
                .setIdleTimeoutUnit(TimeUnit.MINUTES))
        .with(new NetClientOptions().setConnectTimeout(config.dbConnectTimeoutMs()))
        .connectingTo(options)
        .using(vertx)
        .build();
  }

  /** The pool for public requests. */
  public Pool pool() {
    return pools.pub();
  }

  /** The change follower's own pool. */
  public Pool followerPool() {
    return pools.follower();
  }

  /** Scheduled publishing's own pool. */
  public Pool schedulerPool() {
    return pools.scheduler();
  }

  /** The editors' desk's own pool. */
  public Pool deskPool() {
    return pools.desk();
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
    return reachability
        .watch(pools.pub().query("SELECT 1").execute())
        .map(rows -> true)
        .otherwise(false);
  }

  /** The one follower of change_log, and the content versions every kept copy depends on. */
  public ChangeFeed changes() {
    return changes;
  }

  public Reachability reachability() {
    return reachability;
  }

  public Future<Void> close(Vertx vertx) {
    return changes
        .stop()
        .otherwiseEmpty()
        .compose(v -> pools.close())
        .eventually(
            () ->
                vertx.executeBlocking(
                    () -> {
                      location.close();
                      return null;
                    },
                    false));
  }
}

package cn.shegong.portal.db;

import io.vertx.sqlclient.impl.pool.SqlConnectionPool;
import java.lang.reflect.Field;
import org.slf4j.LoggerFactory;

/**
 * The SQL client fails a request that waited longer than the pool's connection timeout with one
 * shared exception instance whose class (VertxException) says nothing. Holding that instance lets
 * the failure be recognised by identity rather than by its message.
 */
final class PoolWaitTimeout {
  private PoolWaitTimeout() {}

  static Throwable instance() {
    try {
      Field f = SqlConnectionPool.class.getDeclaredField("POOL_QUERY_TIMEOUT_EXCEPTION");
      f.setAccessible(true);
      return (Throwable) f.get(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // a driver without that field: the test of the saturated pool fails and says so
      LoggerFactory.getLogger(PoolWaitTimeout.class)
          .warn("Pool wait timeout not recognisable: {}", e.toString());
      return new Throwable("not a driver exception");
    }
  }
}

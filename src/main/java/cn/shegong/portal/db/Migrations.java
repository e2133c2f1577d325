package cn.shegong.portal.db;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Flyway over JDBC; blocking, so callers run it on a worker thread. */
final class Migrations {
  private static final Logger log = LoggerFactory.getLogger(Migrations.class);

  private Migrations() {}

  static void migrate(DatabaseLocation location) {
    Flyway flyway =
        Flyway.configure()
            .dataSource(location.jdbcUrl(), location.user(), location.password())
            .locations("classpath:db/migration")
            // parallel branches are given version ranges (V95–V96, V97–V104 …) below ones already
            // merged (V105, V115): a database migrated before such a branch lands still applies it
            .outOfOrder(true)
            .connectRetries(2)
            .load();
    var result = flyway.migrate();
    var current = flyway.info().current();
    log.info(
        "Schema at version {} ({} migrations applied now)",
        current == null ? "none" : current.getVersion(),
        result.migrationsExecuted);
  }
}

package cn.shegong.portal.db;

import cn.shegong.portal.config.AppConfig;
import io.vertx.pgclient.PgConnectOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the database is: an explicit URL, else the local server (creating the database), else an
 * embedded PostgreSQL whose files live under the data directory. Blocking: call on a worker thread.
 */
public final class DatabaseLocation implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DatabaseLocation.class);
  static final String LOCAL_HOST = "127.0.0.1";
  static final int LOCAL_PORT = 5432;
  static final int EMBEDDED_PORT = 54329;

  private final PgConnectOptions options;
  private final String kind;
  private final EmbeddedPostgres embedded;

  private DatabaseLocation(PgConnectOptions options, String kind, EmbeddedPostgres embedded) {
    this.options = options;
    this.kind = kind;
    this.embedded = embedded;
  }

  public static DatabaseLocation resolve(AppConfig config) {
    if (config.dbUrl().isPresent()) {
      return new DatabaseLocation(
          PgConnectOptions.fromUri(config.dbUrl().get()), "configured (PORTAL_DB_URL)", null);
    }
    if (answers(LOCAL_HOST, LOCAL_PORT)) {
      PgConnectOptions local =
          new PgConnectOptions()
              .setHost(LOCAL_HOST)
              .setPort(LOCAL_PORT)
              .setUser("postgres")
              .setDatabase("portal");
      createDatabaseIfMissing(local);
      return new DatabaseLocation(local, "local server", null);
    }
    return startEmbedded(config.dataDir().resolve("pg"));
  }

  public PgConnectOptions connectOptions() {
    return new PgConnectOptions(options);
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://"
        + options.getHost()
        + ":"
        + options.getPort()
        + "/"
        + options.getDatabase();
  }

  public String user() {
    return options.getUser();
  }

  public String password() {
    return options.getPassword() == null ? "" : options.getPassword();
  }

  public String describe() {
    return kind
        + " "
        + options.getUser()
        + "@"
        + options.getHost()
        + ":"
        + options.getPort()
        + "/"
        + options.getDatabase();
  }

  @Override
  public void close() throws IOException {
    if (embedded != null) embedded.close();
  }

  static boolean answers(String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * CREATE DATABASE cannot take parameters; the name is a constant checked here, never user input.
   */
  public static void createDatabaseIfMissing(PgConnectOptions target) {
    String name = target.getDatabase();
    if (!name.matches("[a-z_][a-z0-9_]{0,62}"))
      throw new IllegalArgumentException("unsafe database name: " + name);
    String adminUrl =
        "jdbc:postgresql://" + target.getHost() + ":" + target.getPort() + "/postgres";
    try (var c =
            DriverManager.getConnection(
                adminUrl,
                target.getUser(),
                target.getPassword() == null ? "" : target.getPassword());
        var check = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      check.setString(1, name);
      if (check.executeQuery().next()) return;
      try (var create = c.createStatement()) {
        create.execute("CREATE DATABASE " + name);
        log.info("Created database {}", name);
      }
    } catch (SQLException e) {
      if (!"42P04".equals(e.getSQLState()))
        throw new DatabaseUnavailable("无法连接本机 PostgreSQL：" + e.getMessage(), e);
    }
  }

  private static DatabaseLocation startEmbedded(Path dir) {
    if ("root".equals(System.getProperty("user.name"))) {
      throw new DatabaseUnavailable(
          "No PostgreSQL answers at 127.0.0.1:5432 and the embedded one refuses to run as root: "
              + "set PORTAL_DB_URL=postgresql://USER@HOST:PORT/DB, or run ./portal as a normal user.",
          null);
    }
    try {
      Files.createDirectories(dir);
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder()
              .setDataDirectory(dir)
              .setCleanDataDirectory(false)
              .setPort(EMBEDDED_PORT)
              .setPgBinaryResolver(EmbeddedBinaries.fromLocalRepository())
              .start();
      PgConnectOptions opts =
          new PgConnectOptions()
              .setHost("127.0.0.1")
              .setPort(pg.getPort())
              .setUser("postgres")
              .setDatabase("portal");
      createDatabaseIfMissing(opts);
      return new DatabaseLocation(opts, "embedded (data in " + dir.toAbsolutePath() + ")", pg);
    } catch (IOException e) {
      throw new DatabaseUnavailable(
          "Could not start the embedded PostgreSQL under " + dir + ": " + e.getMessage(), e);
    }
  }
}

package cn.shegong.portal.testing;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A fresh, empty PostgreSQL database on the local server for one test class; {@link #drop()}
 * removes it. The portal migrates it on start like any other database.
 */
public final class TestDatabase implements AutoCloseable {
  public static final String HOST =
      System.getenv().getOrDefault("PORTAL_TEST_PG_HOST", "127.0.0.1");
  public static final int PORT =
      Integer.parseInt(System.getenv().getOrDefault("PORTAL_TEST_PG_PORT", "5432"));
  public static final String USER = System.getenv().getOrDefault("PORTAL_TEST_PG_USER", "postgres");

  private final String name;

  private TestDatabase(String name) {
    this.name = name;
  }

  public static TestDatabase create() {
    String name = "portal_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    admin("CREATE DATABASE " + name);
    return new TestDatabase(name);
  }

  /**
   * A new database whose text sorts as a server with this ICU locale sorts it ("zh": Chinese by
   * pinyin, before Latin letters), unlike the code-point order of the C locale.
   */
  public static TestDatabase sortingAs(String icuLocale) {
    String name = "portal_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    admin(
        "CREATE DATABASE "
            + name
            + " TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '"
            + icuLocale
            + "' LOCALE 'C.UTF-8'");
    return new TestDatabase(name);
  }

  public String name() {
    return name;
  }

  /** The URL form PORTAL_DB_URL takes. */
  public String url() {
    return "postgresql://" + USER + "@" + HOST + ":" + PORT + "/" + name;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
  }

  /** Runs SQL over JDBC, for test set-up that must not go through the code under test. */
  public void exec(String sql) {
    try (var c = DriverManager.getConnection(jdbcUrl(), USER, "");
        var s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** The first column of the first row, as text. */
  public String queryOne(String sql) {
    try (var c = DriverManager.getConnection(jdbcUrl(), USER, "");
        var s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  public void drop() {
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  @Override
  public void close() {
    drop();
  }

  /** Runs SQL on the server's maintenance database (roles, ALTER DATABASE, ending sessions). */
  public static void admin(String sql) {
    try (var c =
            DriverManager.getConnection(
                "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, "");
        var s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Test PostgreSQL at " + HOST + ":" + PORT + ": " + sql, e);
    }
  }
}

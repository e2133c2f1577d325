package cn.shegong.portal.db;

/**
 * The database cannot be reached or started; the message is meant for the person starting the
 * portal.
 */
public final class DatabaseUnavailable extends RuntimeException {
  public DatabaseUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}

package cn.shegong.portal.editor;

import cn.shegong.portal.config.AppConfig;
import cn.shegong.portal.db.Database;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code ./portal token create LOGIN [--days N]}: a new API token for that account, printed once on
 * the last line.
 */
public final class TokenCommand {
  private TokenCommand() {}

  public static int run(AppConfig config, String[] args, PrintStream out) {
    boolean withDays = args.length == 4 && args[2].equals("--days");
    if ((args.length != 2 && !withDays) || !args[0].equals("create")) {
      throw new IllegalArgumentException("usage: ./portal token create LOGIN [--days N]");
    }
    String login = args[1];
    int days = withDays ? days(args[3]) : ApiTokens.DEFAULT_DAYS;
    if (!login.matches("[A-Za-z0-9_.@-]{2,64}"))
      throw new IllegalArgumentException("LOGIN: 2–64 letters, digits or _.@-");
    Vertx vertx = Vertx.vertx();
    try {
      Database db = Database.open(vertx, config).await(2, TimeUnit.MINUTES);
      try {
        var token = new ApiTokens(db.pool()).create(login, days).await(30, TimeUnit.SECONDS);
        if (token.isEmpty()) throw new IllegalArgumentException("no user called " + login);
        AuditLog.record(
                db.pool(),
                "cli",
                "token.create",
                "user",
                null,
                new io.vertx.core.json.JsonObject().put("login", login).put("days", days))
            .await(30, TimeUnit.SECONDS);
        out.println(
            "API token for "
                + login
                + ", valid for "
                + days
                + " days (shown only this once; revoke it on /editor/users):");
        out.println(token.get());
        return 0;
      } finally {
        db.close(vertx).await(30, TimeUnit.SECONDS);
      }
    } catch (TimeoutException e) {
      throw new IllegalArgumentException("the database did not answer in time");
    } finally {
      vertx.close();
    }
  }

  private static int days(String value) {
    try {
      int days = Integer.parseInt(value);
      if (days >= 1 && days <= ApiTokens.MAX_DAYS) return days;
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new IllegalArgumentException(
        "--days must be a whole number from 1 to " + ApiTokens.MAX_DAYS);
  }
}

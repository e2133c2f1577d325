package cn.shegong.portal.editor;

import cn.shegong.portal.config.AppConfig;
import cn.shegong.portal.db.Database;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Tuple;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./portal user add LOGIN --role editor|admin|contributor [--totp]}: the password comes from
 * stdin, never from arguments. With --totp the account gets a second factor at once: its otpauth://
 * URI and recovery codes are printed.
 */
public final class UserCommand {
  static final int MIN_PASSWORD = 12;

  private UserCommand() {}

  public static int run(AppConfig config, String[] args) throws IllegalArgumentException {
    return run(config, args, System.out);
  }

  public static int run(AppConfig config, String[] args, java.io.PrintStream out)
      throws IllegalArgumentException {
    boolean totp = args.length == 5 && args[4].equals("--totp");
    if ((args.length != 4 && !totp) || !args[0].equals("add") || !args[2].equals("--role")) {
      throw new IllegalArgumentException(
          "usage: ./portal user add LOGIN --role editor|admin|contributor [--totp]");
    }
    String login = args[1];
    String role = args[3];
    if (!login.matches("[A-Za-z0-9_.@-]{2,64}"))
      throw new IllegalArgumentException("LOGIN: 2–64 letters, digits or _.@-");
    if (Role.find(role).isEmpty())
      throw new IllegalArgumentException("--role must be editor, admin or contributor");
    char[] password = readPassword();
    if (password.length < MIN_PASSWORD)
      throw new IllegalArgumentException(
          "the password needs at least " + MIN_PASSWORD + " characters");
    if (password.length > LoginRoutes.MAX_PASSWORD) {
      throw new IllegalArgumentException(
          "the password may have at most " + LoginRoutes.MAX_PASSWORD + " characters");
    }
    String hash = PasswordHasher.hash(password);
    Arrays.fill(password, '\0');
    Vertx vertx = Vertx.vertx();
    try {
      Database db = Database.open(vertx, config).await(2, TimeUnit.MINUTES);
      var rows =
          db.pool()
              .preparedQuery(
                  "INSERT INTO users (login, password_hash, role) VALUES ($1, $2, $3) "
                      + "ON CONFLICT (login) DO NOTHING RETURNING id")
              .execute(Tuple.of(login, hash, role))
              .await(30, TimeUnit.SECONDS);
      if (rows.size() == 0) {
        db.close(vertx).await(30, TimeUnit.SECONDS);
        throw new IllegalArgumentException("a user called " + login + " exists already");
      }
      out.println("created " + role + " " + login);
      if (totp) {
        String secret = Totp.newSecret();
        var codes =
            new SecondFactors(db.pool())
                .enrolNow(db.pool(), rows.iterator().next().getLong(0), secret)
                .await(30, TimeUnit.SECONDS);
        out.println(
            "second factor enrolled; add this URI to an authenticator app (shown only this once):");
        out.println(Totp.uri(login, secret));
        out.println("recovery codes (each works once):");
        codes.forEach(out::println);
      }
      db.close(vertx).await(30, TimeUnit.SECONDS);
      return 0;
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalArgumentException("the database did not answer in time");
    } finally {
      vertx.close();
    }
  }

  private static char[] readPassword() {
    Console console = System.console();
    if (console != null) {
      char[] first = console.readPassword("Password: ");
      char[] again = console.readPassword("Again: ");
      if (first == null || !Arrays.equals(first, again))
        throw new IllegalArgumentException("the passwords differ");
      return first;
    }
    try {
      String line =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (line == null) throw new IllegalArgumentException("no password on stdin");
      return line.toCharArray();
    } catch (IOException e) {
      throw new IllegalArgumentException("could not read the password from stdin");
    }
  }
}

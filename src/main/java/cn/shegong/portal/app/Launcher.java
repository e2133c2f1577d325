package cn.shegong.portal.app;

import cn.shegong.portal.config.AppConfig;
import cn.shegong.portal.db.DatabaseUnavailable;
import cn.shegong.portal.editor.TokenCommand;
import cn.shegong.portal.editor.UserCommand;
import io.vertx.core.Vertx;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The command line behind ./portal: serve (default), user add, token create, --help. */
public final class Launcher {
  private static final Logger log = LoggerFactory.getLogger(Launcher.class);

  static final String USAGE =
      """
      用法 / usage: ./portal [command]
        serve                                 start the portal (default) on PORTAL_HTTP_PORT (8080)
        user add LOGIN --role editor|admin|contributor [--totp]
                                              create an account; the password is read from stdin
                                              when stdin is not a terminal, else asked twice
        reindex                               rebuild the search index from the database
        generate --articles N --stations M    add clearly synthetic rows (benchmarks only)
        token create LOGIN [--days N]         print a new API token for that account (last line; shown once;
                                              expires after N days, default 90)
        --help                                this text
      Configuration comes from the environment: PORTAL_HTTP_PORT, PORTAL_DB_URL, PORTAL_INDEX_DIR,
      PORTAL_DATA_DIR, PORTAL_SEEDS_DIR (see README.md).""";

  private Launcher() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    String command = args.length == 0 ? "serve" : args[0];
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    try {
      return switch (command) {
        case "serve" -> serve(AppConfig.fromEnv());
        case "user" -> UserCommand.run(AppConfig.fromEnv(), rest);
        case "reindex" -> cn.shegong.portal.search.ReindexCommand.run(AppConfig.fromEnv());
        case "generate" ->
            cn.shegong.portal.synthetic.GenerateCommand.run(AppConfig.fromEnv(), rest);
        case "token" -> TokenCommand.run(AppConfig.fromEnv(), rest, System.out);
        case "--help", "-h", "help" -> {
          System.out.println(USAGE);
          yield 0;
        }
        default -> {
          System.err.println("Unknown command: " + command);
          System.err.println(USAGE);
          yield 2;
        }
      };
    } catch (DatabaseUnavailable | IllegalArgumentException e) {
      System.err.println("portal: " + e.getMessage());
      return 1;
    }
  }

  private static int serve(AppConfig config) {
    Vertx vertx = Vertx.vertx();
    try {
      vertx.deployVerticle(new MainVerticle(config)).await(10, TimeUnit.MINUTES);
    } catch (Exception e) {
      Throwable cause = rootOf(e);
      System.err.println(
          "portal: could not start: "
              + (cause instanceof DatabaseUnavailable ? cause.getMessage() : cause));
      log.debug("Start-up failure", e);
      vertx.close();
      return 1;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("Shutting down");
                  try {
                    vertx.close().await(30, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    log.warn("Shutdown did not finish cleanly: {}", e.toString());
                  }
                },
                "portal-shutdown"));
    return awaitForever();
  }

  private static int awaitForever() {
    try {
      Thread.currentThread().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  static Throwable rootOf(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && !(t instanceof DatabaseUnavailable)) t = t.getCause();
    return t;
  }
}

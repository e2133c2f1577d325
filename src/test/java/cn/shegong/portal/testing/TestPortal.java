package cn.shegong.portal.testing;

import cn.shegong.portal.app.MainVerticle;
import cn.shegong.portal.config.AppConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A real portal for a test class: its own database, its own index directory, a free port, the
 * project's seeds (or others), and a WebClient pointed at it.
 */
public final class TestPortal {
  private final Vertx vertx;
  private final TestDatabase db;
  private final Path indexDir;
  private final AppConfig config;
  private MainVerticle verticle;
  private String deploymentId;
  private WebClient client;

  private TestPortal(Vertx vertx, TestDatabase db, Path indexDir, AppConfig config) {
    this.vertx = vertx;
    this.db = db;
    this.indexDir = indexDir;
    this.config = config;
  }

  /**
   * A new database and index; {@code overrides} are environment-style settings (PORTAL_SEEDS_DIR
   * …).
   */
  public static TestPortal create(Vertx vertx, Map<String, String> overrides) {
    TestDatabase db = TestDatabase.create();
    try {
      Path index = Files.createTempDirectory("portal-index-");
      return forDatabase(vertx, db, index, overrides);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static TestPortal create(Vertx vertx) {
    return create(vertx, Map.of());
  }

  /**
   * A portal on a new database whose connections all pass through {@code proxy}, so a test can cut
   * PostgreSQL away from it and bring it back.
   */
  public static TestPortal behindProxy(Vertx vertx, TcpProxy proxy) throws Exception {
    TestDatabase db = TestDatabase.create();
    int port = proxy.up().await(10, java.util.concurrent.TimeUnit.SECONDS);
    String viaProxy = "postgresql://" + TestDatabase.USER + "@127.0.0.1:" + port + "/" + db.name();
    return forDatabase(
        vertx,
        db,
        Files.createTempDirectory("portal-index-"),
        Map.of(
            "PORTAL_DB_URL",
            viaProxy,
            "PORTAL_DB_CONNECT_TIMEOUT_MS",
            "1000",
            "PORTAL_DB_POOL_WAIT_MS",
            "1000"));
  }

  /** A second process's view: the same database, its own index directory. */
  public static TestPortal forDatabase(
      Vertx vertx, TestDatabase db, Path indexDir, Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>();
    env.put("PORTAL_HTTP_PORT", "0");
    env.put("PORTAL_DB_URL", db.url());
    env.put("PORTAL_INDEX_DIR", indexDir.toString());
    env.put(
        "PORTAL_DATA_DIR", indexDir.resolveSibling(indexDir.getFileName() + "-data").toString());
    env.put("PORTAL_SEEDS_DIR", "seeds");
    env.put("PORTAL_SHUTDOWN_DRAIN_MS", "0");
    // the first connection of a fresh JVM can take seconds on a loaded machine; outage tests
    // override it
    env.put("PORTAL_DB_CONNECT_TIMEOUT_MS", "15000");
    // desk tests sign in with a password only; the second factor's own tests set PORTAL_REQUIRE_2FA
    // back
    env.put("PORTAL_REQUIRE_2FA", "");
    // the shared test machine can be slow to hand out a first connection; outage tests set their
    // own short wait
    env.put("PORTAL_DB_POOL_WAIT_MS", "10000");
    env.putAll(overrides);
    return new TestPortal(vertx, db, indexDir, AppConfig.from(env));
  }

  public Future<TestPortal> start() {
    verticle = new MainVerticle(config);
    return vertx
        .deployVerticle(verticle)
        .map(
            id -> {
              deploymentId = id;
              client =
                  WebClient.create(
                      vertx,
                      new WebClientOptions()
                          .setDefaultHost("localhost")
                          .setDefaultPort(verticle.port())
                          .setFollowRedirects(false));
              return this;
            });
  }

  /** Undeploys (as a shutdown would), keeping the database and index for a restart. */
  public Future<Void> stop() {
    if (client != null) client.close();
    return deploymentId == null ? Future.succeededFuture() : vertx.undeploy(deploymentId);
  }

  /** Stops and drops the database. */
  public Future<Void> destroy() {
    return stop()
        .eventually(
            () ->
                vertx.executeBlocking(
                    () -> {
                      db.drop();
                      return null;
                    }));
  }

  public WebClient client() {
    return client;
  }

  public int port() {
    return verticle.port();
  }

  public TestDatabase database() {
    return db;
  }

  public Path indexDir() {
    return indexDir;
  }

  public AppConfig config() {
    return config;
  }

  public MainVerticle verticle() {
    return verticle;
  }
}

package cn.shegong.portal.app;

import cn.shegong.portal.config.AppConfig;
import cn.shegong.portal.db.ContentVersions;
import cn.shegong.portal.db.Database;
import cn.shegong.portal.editor.EditorRoutes;
import cn.shegong.portal.editor.Scheduler;
import cn.shegong.portal.helplines.HelplineBook;
import cn.shegong.portal.helplines.HelplineRoutes;
import cn.shegong.portal.hsds.HsdsRoutes;
import cn.shegong.portal.news.ArticleApi;
import cn.shegong.portal.news.ArticleLinks;
import cn.shegong.portal.news.FeedRoutes;
import cn.shegong.portal.news.NewsRoutes;
import cn.shegong.portal.news.OEmbedRoutes;
import cn.shegong.portal.news.ShareCardRoutes;
import cn.shegong.portal.privacy.PrivacyRoutes;
import cn.shegong.portal.search.SearchFeedRoutes;
import cn.shegong.portal.search.SearchModule;
import cn.shegong.portal.search.SearchRoutes;
import cn.shegong.portal.seeds.SeedImporter;
import cn.shegong.portal.site.AccessibilityRoutes;
import cn.shegong.portal.site.HomeRoutes;
import cn.shegong.portal.site.OpenSearchRoutes;
import cn.shegong.portal.site.SitemapRoutes;
import cn.shegong.portal.stations.ChinaCalendar;
import cn.shegong.portal.stations.StationRoutes;
import cn.shegong.portal.web.ErrorPages;
import cn.shegong.portal.web.HealthRoutes;
import cn.shegong.portal.web.InputGuard;
import cn.shegong.portal.web.PageCache;
import cn.shegong.portal.web.Pages;
import cn.shegong.portal.web.Portal;
import cn.shegong.portal.web.Readiness;
import cn.shegong.portal.web.RequestDeadlines;
import cn.shegong.portal.web.RequestLog;
import cn.shegong.portal.web.SecurityHeaders;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads top to bottom: database, seeds, features, static files, one failure handler, the HTTP
 * server.
 */
public final class MainVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(MainVerticle.class);

  private static final long SHUTDOWN_GRACE_SECONDS = 20;

  private final AppConfig config;
  private final Readiness readiness = new Readiness();
  private Database database;
  private SearchModule search;
  private HttpServer server;
  private PageCache pageCache;
  private Router router;
  private HelplineBook helplines;

  public MainVerticle(AppConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    log.info("Starting with {}", config.describe());
    config.insecureCookieWarning().ifPresent(log::warn);
    return vertx
        .executeBlocking(
            () -> {
              ChinaCalendar.use(ChinaCalendar.load(config.holidaysDir()));
              return null;
            },
            false)
        .compose(v -> Database.open(vertx, config))
        .compose(
            db -> {
              database = db;
              return new SeedImporter(vertx, db.pool(), config.seedsDir()).importIfEmpty();
            })
        .compose(seeded -> SearchModule.start(vertx, database, config))
        .compose(
            started -> {
              search = started;
              readiness.register("index", search::ready);
              Pages pages = new Pages(vertx, config);
              return pages.warmUp(vertx).map(pages);
            })
        .compose(
            pages ->
                new HelplineBook(vertx, database.pool(), config.seedsDir())
                    .start()
                    .map(
                        book -> {
                          helplines = book;
                          pages.global("helpLines", () -> book);
                          return pages;
                        }))
        .compose(
            pages -> {
              pageCache = new PageCache(database.changes(), config.pageCacheMb() * 1024L * 1024L);
              Portal portal =
                  new Portal(
                      vertx, config, database, pages, readiness, pageCache, this::stationsVersion);
              new Scheduler(database.schedulerPool()).start(vertx, config.tls());
              RequestDeadlines deadlines = new RequestDeadlines(vertx, config.httpLimits());
              return vertx
                  .createHttpServer(
                      new HttpServerOptions()
                          .setCompressionSupported(true)
                          // an article body is one form field, far above the 8 KB default; the desk
                          // body limit (413) is the bound
                          .setMaxFormAttributeSize((int) EditorRoutes.FORM_LIMIT * 2)
                          .setIdleTimeout(config.httpLimits().idleTimeoutS())
                          .setIdleTimeoutUnit(TimeUnit.SECONDS)
                          // h2c detection would hold a connection back until its first head is
                          // complete, out of the
                          // deadlines' sight; browsers speak HTTP/2 only over TLS (terminated in
                          // front of the portal)
                          .setHttp2ClearTextEnabled(false))
                  .connectionHandler(deadlines::opened)
                  .requestHandler(router = router(portal, deadlines))
                  .listen(config.httpPort());
            })
        .compose(s -> KeptWarmUp.run(vertx, s.actualPort()).map(s))
        .onSuccess(
            s -> {
              server = s;
              log.info("Portal listening on http://localhost:{}", s.actualPort());
            });
  }

  private Router router(Portal portal, RequestDeadlines deadlines) {
    Router router = Router.router(vertx);
    router.route().handler(deadlines);
    // HEAD is answered as GET; the HTTP server leaves out the body
    router
        .route()
        .method(HttpMethod.HEAD)
        .handler(ctx -> ctx.reroute(HttpMethod.GET, ctx.request().uri()));
    router
        .route()
        .handler(new RequestLog())
        .handler(new SecurityHeaders(config))
        .handler(new InputGuard())
        .handler(portal.pages().kept()::attach);
    new HealthRoutes(portal).mount(router);
    router.get("/static/*").handler(portal.pages().assets()::handle);
    router.get("/webjars/*").handler(portal.pages().assets()::handle);
    // the busiest public pages; each renders through Pages, which stores a 200 page for the next
    // reader
    for (String path : new String[] {"/", "/news", "/news/:slug", "/search"}) {
      router.get(path).handler(portal.pageCache().handler());
    }
    new HomeRoutes(portal).mount(router);
    new NewsRoutes(portal, search.keptArticles()).mount(router);
    new ShareCardRoutes(portal).mount(router);
    new FeedRoutes(portal).mount(router);
    new SitemapRoutes(portal).mount(router);
    new ArticleApi(portal).mount(router);
    new StationRoutes(portal, new ArticleLinks(portal.pool())).mount(router);
    new HelplineRoutes(helplines).mount(router);
    new PrivacyRoutes(portal.pages()).mount(router);
    new HsdsRoutes(portal).mount(router);
    new AccessibilityRoutes(portal).mount(router);
    new SearchRoutes(search, portal.pages()).mount(router);
    new SearchFeedRoutes(search, portal).mount(router);
    new OEmbedRoutes(portal).mount(router);
    new OpenSearchRoutes(portal).mount(router);
    new EditorRoutes(portal, helplines).mount(router);
    EditorRoutes.seal(
        router,
        portal); // after every feature: a desk route without a declared permission answers 403
    router.route().last().handler(ctx -> ctx.fail(404));
    ErrorPages errors = new ErrorPages(portal.pages());
    router.route().failureHandler(errors::handle);
    // a path the router cannot decode (malformed percent-encoding) fails before any route: same
    // error pages
    router.errorHandler(400, errors::badPath);
    return router;
  }

  /** The port actually bound, for tests that ask for port 0. */
  public int port() {
    return server.actualPort();
  }

  /** The router as built, for tests that walk every registered route. */
  public Router router() {
    return router;
  }

  /** The database and its change feed (also for tests). */
  public Database database() {
    return database;
  }

  public PageCache pageCache() {
    return pageCache;
  }

  public HelplineBook helplines() {
    return helplines;
  }

  /** The stations' version as the station features see it (also for tests). */
  public ContentVersions.Stations stationsVersion() {
    return database.changes().stations().version();
  }

  public Readiness readiness() {
    return readiness;
  }

  /**
   * Graceful: /ready turns 503 first and stays so for the drain period (load balancers stop
   * sending), then the server stops accepting and lets in-flight requests finish, then features and
   * the pool close.
   */
  @Override
  public Future<?> stop() {
    readiness.startDraining();
    log.info("Draining for {} ms before closing", config.shutdownDrainMs());
    Future<Void> drained =
        config.shutdownDrainMs() <= 0
            ? Future.succeededFuture()
            : vertx.timer(config.shutdownDrainMs()).mapEmpty();
    return drained
        .compose(
            v ->
                server == null
                    ? Future.succeededFuture()
                    : server.shutdown(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS))
        .eventually(() -> search == null ? Future.succeededFuture() : search.close())
        .eventually(() -> database == null ? Future.succeededFuture() : database.close(vertx))
        .onComplete(v -> log.info("Stopped"));
  }
}

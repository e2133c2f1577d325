package cn.shegong.portal.web;

import cn.shegong.portal.config.AppConfig;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MruCacheStorage;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateExceptionHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.templ.freemarker.FreeMarkerTemplateEngine;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders FreeMarker pages from {@code templates/}. Only {@code .ftlh} templates exist, and
 * FreeMarker escapes every {@code ${…}} in them for HTML.
 */
public final class Pages {
  public static final String SITE_NAME = "社工服务地图";

  private static final String TEMPLATES = "templates";

  private final FreeMarkerTemplateEngine engine;
  private final AppConfig config;
  private final KeptAnswers kept;
  private final Map<String, java.util.function.Supplier<Object>> globals =
      new java.util.concurrent.ConcurrentHashMap<>();
  private volatile Assets assets = new Assets();

  public Pages(Vertx vertx, AppConfig config) {
    this.config = config;
    this.kept = new KeptAnswers(config.keptAnswersMb() * 1024L * 1024L);
    this.engine = FreeMarkerTemplateEngine.create(vertx, "ftlh");
    Configuration fm = engine.unwrap();
    fm.setIncompatibleImprovements(Configuration.VERSION_2_3_34);
    // records expose their components as properties (article.title) with this wrapper version
    fm.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
    fm.setRecognizeStandardFileExtensions(true);
    fm.setDefaultEncoding("UTF-8");
    fm.setOutputEncoding("UTF-8");
    fm.setNumberFormat("computer");
    fm.setBooleanFormat("c");
    fm.setAPIBuiltinEnabled(false);
    fm.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    fm.setLogTemplateExceptions(false);
    fm.setWrapUncheckedExceptions(true);
    fm.setFallbackOnNullLoopVariable(false);
    // Our own loader and cache rather than Vert.x's file resolver, whose cache directory is deleted
    // by a JVM
    // shutdown hook: pages must still render while the server drains after SIGTERM.
    fm.setTemplateLoader(templateLoader());
    fm.setCacheStorage(new MruCacheStorage(200, 0));
    fm.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
  }

  /**
   * templates/… from the working directory when it has them (./portal from the repository), else
   * from the jar.
   */
  private static TemplateLoader templateLoader() {
    ClassTemplateLoader jar = new ClassTemplateLoader(Pages.class.getClassLoader(), "/");
    if (!Files.isDirectory(Path.of(TEMPLATES))) return jar;
    try {
      return new MultiTemplateLoader(
          new TemplateLoader[] {new FileTemplateLoader(new File(".")), jar});
    } catch (IOException e) {
      return jar;
    }
  }

  /** The static files with their hashed URLs (known after {@link #warmUp}). */
  public Assets assets() {
    return assets;
  }

  /**
   * Loads and compiles every template, and reads the static files, on a worker thread, so no page
   * pays for file I/O on the event loop.
   */
  public Future<Void> warmUp(Vertx vertx) {
    return vertx.executeBlocking(
        () -> {
          assets = Assets.load();
          Path dir = Path.of(TEMPLATES);
          if (!Files.isDirectory(dir)) return null;
          try (var files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".ftlh")).toList()) {
              engine.unwrap().getTemplate(f.toString().replace('\\', '/'));
            }
          }
          return null;
        },
        false);
  }

  /** A value every template sees (e.g. the help lines), unless the page's model has its own. */
  public void global(String name, java.util.function.Supplier<Object> value) {
    globals.put(name, value);
  }

  public Future<Void> render(RoutingContext ctx, String template, Map<String, Object> model) {
    return render(ctx, 200, template, model);
  }

  public Future<Void> render(
      RoutingContext ctx, int status, String template, Map<String, Object> model) {
    return page(ctx, template, model)
        .compose(
            body -> {
              PageCache.Pending pending =
                  status == 200 && ctx != null ? ctx.get(PageCache.PENDING) : null;
              if (pending != null) pending.store(ctx, body);
              if (status == 200) kept.keep(ctx, "text/html; charset=utf-8", body);
              return ctx.response()
                  .setStatusCode(status)
                  .putHeader("Content-Type", "text/html; charset=utf-8")
                  .end(body);
            });
  }

  /**
   * A page built from a copy the portal keeps (the database is away): the same notice and headers
   * as a kept answer, and never stored as the page's last good answer.
   */
  public Future<Void> renderKept(
      RoutingContext ctx, String template, Map<String, Object> model, java.time.Instant at) {
    Map<String, Object> withNotice = new java.util.HashMap<>(model);
    withNotice.put("staleNotice", KeptAnswers.notice(at));
    return page(ctx, template, withNotice)
        .compose(
            body ->
                ctx.response()
                    .setStatusCode(200)
                    .putHeader("Content-Type", "text/html; charset=utf-8")
                    .putHeader("Warning", "110 - \"stale\"")
                    .putHeader("X-Portal-Stale", at.toString())
                    .putHeader("Cache-Control", "no-store")
                    .end(body));
  }

  /** The last good public answers, for reading through a database outage. */
  public KeptAnswers kept() {
    return kept;
  }

  /** The rendered page as text, for callers that send it themselves (previews, error pages). */
  public Future<String> html(RoutingContext ctx, String template, Map<String, Object> model) {
    return page(ctx, template, model).map(Buffer::toString);
  }

  private Future<Buffer> page(RoutingContext ctx, String template, Map<String, Object> model) {
    Map<String, Object> data = new HashMap<>(model);
    globals.forEach((k, v) -> data.computeIfAbsent(k, n -> v.get()));
    data.putIfAbsent("siteName", SITE_NAME);
    data.putIfAbsent("quickExitUrl", config.quickExitUrl());
    data.putIfAbsent("baseUrl", config.publicBaseUrl());
    data.putIfAbsent("asset", assets);
    data.computeIfAbsent("path", k -> ctx == null ? "/" : ctx.normalizedPath());
    data.putIfAbsent("q", ctx == null ? "" : ctx.queryParam("q").stream().findFirst().orElse(""));
    data.computeIfAbsent(
        "canonical", k -> config.publicBaseUrl() + (ctx == null ? "/" : ctx.normalizedPath()));
    return engine.render(data, TEMPLATES + "/" + template);
  }
}

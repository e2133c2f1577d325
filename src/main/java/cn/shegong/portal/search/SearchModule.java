package cn.shegong.portal.search;

import cn.shegong.portal.config.AppConfig;
import cn.shegong.portal.db.Database;
import cn.shegong.portal.web.Pages;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search feature: owns the index (one {@link IndexWorker} at a time), follows the change log,
 * and answers searches. A missing, unreadable or outdated index is rebuilt in the background while
 * the portal serves; until then searches fail with {@link NotReady}.
 */
public final class SearchModule {
  private static final Logger log = LoggerFactory.getLogger(SearchModule.class);
  static final Duration SEARCH_TIMEOUT = Duration.ofMillis(800);
  static final long POLL_MS = 1000;
  static final int CACHED_RESULTS = 256;
  static final long INITIAL_BUILD_WAIT_MS = 5000;
  static final String INITIAL_BUILD_WAIT_PROPERTY = "portal.search.initialBuildWaitMs";

  /** For tests: a small counting limit shows the “10,000+” behaviour on the seeds. */
  static final String COUNT_LIMIT_PROPERTY = "portal.search.countLimit";

  /** The index is being built; the message is shown to readers. */
  public static final class NotReady extends RuntimeException {
    NotReady() {
      super("索引正在建立，请稍候", null, false, false);
    }
  }

  private final Vertx vertx;
  private final Database database;
  private final IndexGenerations generations;

  // replaced together when the desk's synonyms change; a search reads each once
  private volatile SearchEngine engine;
  private volatile Suggester suggester;
  private volatile ResultCache cache;
  private volatile long synonymsGeneration;
  private final SynonymFollower synonymsFollower;
  private long synonymsTimer = -1;
  private final Map<SearchRequest, Future<SearchResult>> inFlight = new ConcurrentHashMap<>();
  private volatile IndexWorker worker;
  private volatile ChangeFollower follower;
  private volatile boolean closed;
  private volatile Future<IndexBuilder.Built> building;
  private long generationTimer = -1;

  private SearchModule(Vertx vertx, Database database, Path indexDir, String fileSynonyms) {
    this.vertx = vertx;
    this.database = database;
    this.generations = new IndexGenerations(indexDir);
    install(Synonyms.parse(fileSynonyms));
    this.synonymsFollower =
        new SynonymFollower(vertx, database.pool(), fileSynonyms, this::install);
  }

  private void install(Synonyms synonyms) {
    SearchEngine e =
        new SearchEngine(
            synonyms,
            SEARCH_TIMEOUT,
            Integer.getInteger(COUNT_LIMIT_PROPERTY, SearchEngine.COUNT_LIMIT));
    suggester = new Suggester(e);
    cache = new ResultCache(CACHED_RESULTS);
    engine = e;
    synonymsGeneration++;
  }

  /** A search of the public page that found nothing or little; see {@link SearchGaps}. */
  void countGap(String query, long found) {
    SearchGaps.count(database.pool(), query, found);
  }

  /**
   * Opens the index, or starts rebuilding it; completes as soon as the portal may serve (not when
   * built).
   */
  public static Future<SearchModule> start(Vertx vertx, Database database, AppConfig config) {
    return vertx
        .executeBlocking(() -> Synonyms.text(config.synonymsFile()), false)
        .map(text -> new SearchModule(vertx, database, config.indexDir(), text))
        .compose(module -> module.synonymsFollower.poll().map(module))
        .compose(module -> module.openOrRebuild().map(module))
        .onSuccess(
            module -> {
              module.generationTimer = vertx.setPeriodic(POLL_MS, id -> module.followGeneration());
              long[] ticks = {0};
              module.synonymsTimer =
                  vertx.setPeriodic(
                      SynonymFollower.POLL_MS,
                      id -> {
                        if (!module.closed) module.synonymsFollower.poll();
                        // about once an hour: counts older than five weeks go
                        if (ticks[0]++ % (3_600_000 / SynonymFollower.POLL_MS) == 0)
                          SearchGaps.forgetOld(module.database.pool()).otherwiseEmpty();
                      });
            });
  }

  /** `./portal reindex` in another process promotes a new generation: switch to it. */
  private void followGeneration() {
    IndexWorker w = worker;
    if (w == null || building != null || closed) return;
    vertx
        .executeBlocking(generations::current, false)
        .onSuccess(
            current -> {
              if (current.isEmpty() && worker == w && building == null && !closed) {
                // deleted under us: the open files still answer searches, but new writes would
                // fail; build afresh
                log.warn("The search index under {} is gone: rebuilding it", generations.root());
                rebuild();
              } else if (current.isPresent()
                  && !current.get().equals(w.index().path())
                  && worker == w
                  && building == null) {
                log.info(
                    "A new search index generation was promoted: switching to {}", current.get());
                switchTo(current.get())
                    .onFailure(
                        e -> log.warn("Cannot switch to {}: {}", current.get(), e.toString()));
              }
            });
  }

  private Future<Void> openOrRebuild() {
    return vertx
        .executeBlocking(this::openCurrent, false)
        .compose(
            opened -> {
              if (opened.isPresent()) {
                serve(opened.get());
                return Future.succeededFuture();
              }
              // in the background: the portal answers meanwhile; a small database is usually done
              // before start ends
              Future<IndexBuilder.Built> built = rebuild();
              long wait = Long.getLong(INITIAL_BUILD_WAIT_PROPERTY, INITIAL_BUILD_WAIT_MS);
              return Future.any(built, vertx.timer(Math.max(1, wait)))
                  .<Void>mapEmpty()
                  .otherwiseEmpty();
            });
  }

  /**
   * The current generation if it opens and was written with this schema; otherwise nothing
   * (rebuild).
   */
  private Optional<SearchIndex> openCurrent() {
    Optional<Path> current = generations.current();
    if (current.isEmpty()) {
      log.info("No search index under {}: building it", generations.root());
      return Optional.empty();
    }
    try {
      SearchIndex index = SearchIndex.open(current.get());
      if (!SearchFields.SCHEMA_VERSION.equals(index.schema())) {
        log.info(
            "Search index schema {} is outdated (now {}): rebuilding",
            index.schema(),
            SearchFields.SCHEMA_VERSION);
        index.close();
        return Optional.empty();
      }
      generations.removeOthers(current.get());
      log.info("Search index opened at position {}: catching up", index.position());
      return Optional.of(index);
    } catch (Exception e) {
      log.warn("Search index {} unusable ({}): rebuilding", current.get(), e.toString());
      return Optional.empty();
    }
  }

  /**
   * Rebuilds into a fresh generation and switches to it; searches keep using the old one until
   * then.
   */
  public Future<IndexBuilder.Built> rebuild() {
    if (building != null) return building;
    Future<IndexBuilder.Built> f =
        new IndexBuilder(vertx, database.followerPool(), generations)
            .rebuild()
            .compose(built -> switchTo(built.path()).map(built))
            .onFailure(
                e -> {
                  log.error("Search index rebuild failed; trying again in 10 s", e);
                  vertx.setTimer(
                      10_000,
                      id -> {
                        if (!closed && worker == null) rebuild();
                      });
                })
            .eventually(
                () -> {
                  building = null;
                  return Future.succeededFuture();
                });
    building = f;
    return f;
  }

  /**
   * Opens the new generation first, then serves it, then closes the old one: searches never see a
   * gap.
   */
  private Future<Void> switchTo(Path gen) {
    IndexWorker old = worker;
    ChangeFollower oldFollower = follower;
    Future<Void> stopped = oldFollower == null ? Future.succeededFuture() : oldFollower.stop();
    return stopped
        .compose(v -> vertx.executeBlocking(() -> SearchIndex.open(gen), false))
        .compose(
            index -> {
              serve(index);
              return old == null
                  ? Future.<Void>succeededFuture()
                  : old.close()
                      .recover(
                          e -> {
                            log.warn(
                                "The previous search index did not close cleanly: {}",
                                e.toString());
                            return Future.succeededFuture();
                          });
            })
        .compose(
            v ->
                vertx.executeBlocking(
                    () -> {
                      generations.removeOthers(gen);
                      return null;
                    },
                    false));
  }

  private void serve(SearchIndex index) {
    if (closed) {
      IndexWorker.of(vertx, index, 1).close();
      return;
    }
    IndexWorker w = IndexWorker.of(vertx, index, 2);
    worker = w;
    ChangeFollower f =
        new ChangeFollower(
            vertx,
            database.followerPool(),
            database.connectOptions(),
            database.reachability(),
            () -> worker,
            index.position(),
            POLL_MS);
    follower = f;
    f.start();
  }

  public void mount(Router router, Pages pages) {
    new SearchRoutes(this, pages).mount(router);
  }

  /**
   * The index's view of the content, as a value that changes with it. Null while no index is open
   * or while the change log cannot be followed (the database is unreachable): then nothing derived
   * from it should be reused.
   */
  public Object contentVersion() {
    IndexWorker w = worker;
    ChangeFollower f = follower;
    if (w == null || closed || f == null || !f.listening()) return null;
    if (!database.reachability().reachable()) return null;
    return new ContentVersion(w, w.changes(), synonymsGeneration);
  }

  private record ContentVersion(IndexWorker worker, long changes, long synonyms) {}

  /**
   * Like {@link #contentVersion} for the stations alone: it moves when a change to a station has
   * been read from the change log (or a new index generation opened), not when only articles
   * changed. Null when that is.
   */
  public Object stationsVersion() {
    IndexWorker w = worker;
    ChangeFollower f = follower;
    if (w == null || closed || f == null || !f.listening()) return null;
    if (!database.reachability().reachable()) return null;
    return new StationsVersion(w, f, f.stationBatches());
  }

  private record StationsVersion(
      IndexWorker worker, ChangeFollower follower, long stationBatches) {}

  /** For /ready: true once an index is open. */
  public Future<Boolean> ready() {
    return Future.succeededFuture(worker != null && !closed);
  }

  /**
   * Readers asking the same question at the same moment (a popular query when the index has just
   * changed) share one search instead of queueing as many on the search threads.
   */
  public Future<SearchResult> search(SearchRequest request) {
    IndexWorker w = worker;
    if (w == null) return Future.failedFuture(new NotReady());
    Future<SearchResult> running = inFlight.get(request);
    if (running != null) return running;
    Future<SearchResult> started = searchNow(w, request);
    inFlight.put(request, started);
    return started.andThen(done -> inFlight.remove(request, started));
  }

  private Future<SearchResult> searchNow(IndexWorker w, SearchRequest request) {
    return w.withSearcher(
        searcher -> {
          var reader = searcher.getIndexReader();
          ResultCache answers = cache;
          SearchEngine current = engine;
          var cached = answers.get(reader, request);
          if (cached.isPresent()) return cached.get();
          SearchResult result = current.search(searcher, request);
          answers.put(reader, request, result);
          return result;
        });
  }

  public Future<List<Suggester.Suggestion>> suggest(String prefix) {
    IndexWorker w = worker;
    if (w == null) return Future.failedFuture(new NotReady());
    return w.withSearcher(searcher -> suggester.suggest(searcher, prefix, 8));
  }

  public Future<Void> close() {
    closed = true;
    if (generationTimer >= 0) vertx.cancelTimer(generationTimer);
    if (synonymsTimer >= 0) vertx.cancelTimer(synonymsTimer);
    ChangeFollower f = follower;
    IndexWorker w = worker;
    worker = null;
    Future<Void> stopped = f == null ? Future.succeededFuture() : f.stop();
    return stopped.compose(v -> w == null ? Future.succeededFuture() : w.close());
  }
}

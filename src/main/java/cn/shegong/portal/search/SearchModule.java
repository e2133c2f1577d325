package cn.shegong.portal.search;

import cn.shegong.portal.config.AppConfig;
import cn.shegong.portal.db.ContentVersions;
import cn.shegong.portal.db.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
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

  /** For tests: a small counting limit shows the “10,000+” behaviour on the seeds. */

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
  private volatile boolean warmed;
  private volatile boolean closed;
  private volatile Future<IndexBuilder.Built> building;
  private long generationTimer = -1;
  private final long initialBuildWaitMs;
  private final int countLimit;

  private SearchModule(Vertx vertx, Database database, AppConfig config, String fileSynonyms) {
    this.vertx = vertx;
    this.database = database;
    this.generations = new IndexGenerations(config.indexDir());
    this.initialBuildWaitMs = config.indexBuildWaitMs();
    this.countLimit = config.searchCountLimit();
    install(Synonyms.parse(fileSynonyms));
    this.synonymsFollower =
        new SynonymFollower(vertx, database.pool(), fileSynonyms, this::install);
  }

  private void install(Synonyms synonyms) {
    SearchEngine e = new SearchEngine(synonyms, SEARCH_TIMEOUT, countLimit);
    suggester = new Suggester(e);
    cache = new ResultCache(CACHED_RESULTS);
    engine = e;
    synonymsGeneration++;
    // kept pages show what the old synonyms found
    database.changes().noteLocalWrite();
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
        .map(text -> new SearchModule(vertx, database, config, text))
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
              return Future.any(built, vertx.timer(Math.max(1, initialBuildWaitMs)))
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
    return database
        .changes()
        .stop()
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
    database
        .changes()
        .follow(index.position(), new IndexChanges(w, database.followerPool()))
        .onFailure(e -> log.warn("Cannot follow the change log: {}", e.toString()));
    warmUp(w);
  }

  /**
   * The first query of a process loads the Chinese dictionary and compiles the search path, which
   * takes seconds: done once before /ready says so, so no reader (and no load balancer) waits.
   */
  private void warmUp(IndexWorker w) {
    if (warmed) return;
    w.withSearcher(
            searcher -> {
              engine.search(searcher, SearchRequest.simple("社会工作服务站 心理援助 shegong", 10));
              return suggester.suggest(searcher, "社工", 8);
            })
        .onComplete(
            done -> {
              if (done.failed()) log.warn("Search warm-up failed: {}", done.cause().toString());
              warmed = true;
            });
  }

  /** The change feed's versions (null while changes cannot be seen), for kept answers. */
  ContentVersions contentVersions() {
    return worker == null ? null : database.changes().current();
  }

  /** For /ready: true once an index is open and the search path warm. */
  public Future<Boolean> ready() {
    return Future.succeededFuture(worker != null && !closed && warmed);
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

  /**
   * Published articles as the index keeps them (for reading through an outage); a list is sorted as
   * deep as the search counts.
   */
  public cn.shegong.portal.news.KeptArticles keptArticles() {
    return new IndexedArticles(this, countLimit);
  }

  /** Runs a read on the open index's reader threads; fails while no index is open. */
  <T> Future<T> withIndex(SearchIndex.SearcherFunction<T> work) {
    IndexWorker w = worker;
    if (w == null) return Future.failedFuture(new NotReady());
    return w.withSearcher(work);
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
    IndexWorker w = worker;
    worker = null;
    return database
        .changes()
        .stop()
        .otherwiseEmpty()
        .compose(v -> w == null ? Future.succeededFuture() : w.close());
  }
}

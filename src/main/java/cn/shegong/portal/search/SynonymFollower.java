package cn.shegong.portal.search;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's synonyms, applied without a restart: a tiny query every {@link #POLL_MS} notices a
 * line added or removed (in any process) and hands the file's synonyms plus the desk's to {@code
 * install}, which rebuilds the engine. While the database is away the current synonyms stay.
 */
final class SynonymFollower {
  private static final Logger log = LoggerFactory.getLogger(SynonymFollower.class);
  static final long POLL_MS = 2000;

  private final Vertx vertx;
  private final Pool pool;
  private final String fileText;
  private final Consumer<Synonyms> install;
  private volatile String stamp = "";

  SynonymFollower(Vertx vertx, Pool pool, String fileText, Consumer<Synonyms> install) {
    this.vertx = vertx;
    this.pool = pool;
    this.fileText = fileText;
    this.install = install;
  }

  Future<Void> poll() {
    return SynonymRepository.stamp(pool)
        .compose(
            now -> {
              if (now.equals(stamp)) return Future.<Void>succeededFuture();
              return SynonymRepository.load(pool)
                  .compose(
                      loaded ->
                          vertx
                              .executeBlocking(
                                  () -> Synonyms.parse(fileText + "\n" + loaded.lines()), false)
                              .map(
                                  synonyms -> {
                                    install.accept(synonyms);
                                    stamp = loaded.stamp();
                                    log.info("Search synonyms applied (desk lines: {})", now);
                                    return (Void) null;
                                  }));
            })
        .recover(
            e -> {
              log.debug("Desk synonyms not read now: {}", e.getClass().getSimpleName());
              return Future.succeededFuture();
            });
  }
}

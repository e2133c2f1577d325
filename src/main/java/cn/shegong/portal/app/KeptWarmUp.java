package cn.shegong.portal.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks this process once, when it starts listening and before it counts as started, for the answers
 * feed readers and crawlers poll: they are kept like any answer served, so while the database is
 * away they answer (marked stale) even if no reader asked for them since the start. Their content
 * is lists of articles and stations with every field, which no other copy holds whole.
 */
final class KeptWarmUp {
  static final List<String> PATHS =
      List.of(
          "/feed.atom",
          "/feed.xml",
          "/feed.json",
          "/stations.atom",
          "/stations.rss",
          "/stations.json",
          "/sitemap.xml");

  private static final Logger log = LoggerFactory.getLogger(KeptWarmUp.class);

  private KeptWarmUp() {}

  static Future<Void> run(Vertx vertx, int port) {
    HttpClient client =
        vertx.createHttpClient(
            new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
    List<Future<Void>> each = PATHS.stream().map(path -> keep(client, path)).toList();
    return Future.join(each).<Void>mapEmpty().eventually(client::close);
  }

  private static Future<Void> keep(HttpClient client, String path) {
    return client
        .request(new RequestOptions().setMethod(HttpMethod.GET).setURI(path).setIdleTimeout(5000))
        .compose(r -> r.send().compose(res -> res.body().map(res.statusCode())))
        .<Void>map(
            status -> {
              if (status != 200) log.info("Kept copy of {} not made: {}", path, status);
              return null;
            })
        .recover(
            e -> {
              log.info("Kept copy of {} not made: {}", path, e.toString());
              return Future.succeededFuture();
            });
  }
}

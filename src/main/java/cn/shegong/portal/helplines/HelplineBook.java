package cn.shegong.portal.helplines;

import cn.shegong.portal.common.Zones;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The help lines, crisis words and organisation phones kept in memory, so a help card shows even on
 * the 503 page while the database is away. Read from PostgreSQL at start (importing
 * seeds/helplines.csv into an empty table), every 30 s and after a desk edit; until the first read
 * succeeds, the seed file itself.
 */
public final class HelplineBook {
  private static final Logger log = LoggerFactory.getLogger(HelplineBook.class);
  static final String EMERGENCY = "emergency";

  record Snapshot(
      List<Helpline> lines, List<String> words, Map<String, String> organizationPhones) {}

  private final Vertx vertx;
  private final Pool pool;
  private final Path seedsDir;
  private final AtomicReference<Snapshot> current =
      new AtomicReference<>(new Snapshot(List.of(), List.of(), Map.of()));

  public HelplineBook(Vertx vertx, Pool pool, Path seedsDir) {
    this.vertx = vertx;
    this.pool = pool;
    this.seedsDir = seedsDir;
  }

  public Future<HelplineBook> start() {
    return vertx
        .executeBlocking(this::readSeeds, false)
        .compose(
            seeds -> {
              current.set(seeds);
              return pool.withTransaction(
                  c -> {
                    HelplineRepository repo = new HelplineRepository(c);
                    return repo.insertAbsent(seeds.lines())
                        .compose(n -> repo.crisisWords())
                        .compose(
                            words ->
                                words.isEmpty()
                                    ? repo.replaceCrisisWords(seeds.words())
                                    : Future.succeededFuture());
                  });
            })
        .compose(v -> reload())
        .onSuccess(v -> vertx.setPeriodic(30_000, id -> reload()))
        .recover(
            e -> {
              log.warn("Help lines: database not read, the seed file is shown: {}", e.toString());
              vertx.setPeriodic(30_000, id -> reload());
              return Future.succeededFuture();
            })
        .map(this);
  }

  public Future<Void> reload() {
    HelplineRepository repo = new HelplineRepository(pool);
    return Future.all(repo.all(), repo.crisisWords(), repo.organizationPhones())
        .onSuccess(
            all -> current.set(new Snapshot(all.resultAt(0), all.resultAt(1), all.resultAt(2))))
        .onFailure(e -> log.debug("Help lines kept from before: {}", e.toString()))
        .mapEmpty();
  }

  public List<Helpline> all() {
    return current.get().lines();
  }

  public List<String> crisisWords() {
    return current.get().words();
  }

  /**
   * The lines for a kind of station (or need) in a place: national ones and those of its province
   * or city.
   */
  public List<Helpline> find(String kind, String province, String city) {
    Predicate<Helpline> inPlace =
        h ->
            switch (h.scope()) {
              case NATIONAL -> true;
              case PROVINCE -> h.region().equals(province);
              case CITY -> h.region().equals(city);
            };
    return all().stream()
        .filter(inPlace)
        .filter(h -> kind == null || kind.isBlank() || h.serves(kind))
        .toList();
  }

  /**
   * The card for a station's page: regional lines first, then national; the emergency numbers are
   * in its last line.
   */
  public HelpCard card(String kind, String province, String city) {
    List<Helpline> lines =
        find(kind, province, city).stream()
            .filter(h -> !h.serves(EMERGENCY))
            .sorted(java.util.Comparator.comparing(h -> h.scope() == Helpline.Scope.NATIONAL))
            .toList();
    return HelpCard.of(lines, ZonedDateTime.now(Zones.CHINA));
  }

  /**
   * The card on the error pages and the crisis search: every national line but the emergency ones.
   */
  public HelpCard general() {
    return card("", "", "");
  }

  public HelpCard crisis() {
    return card("psych", "", "");
  }

  /** Whether a search is about crisis or mental health: it contains one of the editors' words. */
  public boolean isCrisis(String query) {
    if (query == null || query.isBlank()) return false;
    String q = query.toLowerCase(Locale.ROOT);
    return crisisWords().stream()
        .anyMatch(w -> !w.isBlank() && q.contains(w.toLowerCase(Locale.ROOT)));
  }

  /** The organisation's public phone, or "" when none is known. */
  public String organizationPhone(String organization) {
    if (organization == null || organization.isBlank()) return "";
    return current.get().organizationPhones().getOrDefault(organization.strip(), "");
  }

  private Snapshot readSeeds() throws IOException {
    Path file = seedsDir.resolve("helplines.csv");
    List<Helpline> lines =
        Files.exists(file)
            ? HelplineCsv.parse(Files.readString(file, StandardCharsets.UTF_8))
            : List.of();
    return new Snapshot(lines, bundledWords(), Map.of());
  }

  static List<String> bundledWords() throws IOException {
    try (InputStream in = HelplineBook.class.getResourceAsStream("/helplines/crisis-words.txt")) {
      if (in == null) return List.of();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(s -> !s.isEmpty() && !s.startsWith("#"))
          .toList();
    }
  }
}

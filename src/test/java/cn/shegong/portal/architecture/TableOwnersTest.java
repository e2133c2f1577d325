package cn.shegong.portal.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every table has one owning package, the only one whose SQL names it; the others ask the owner
 * through its repositories or interfaces. The few exceptions are listed with their reason, so a new
 * one is a decision, not an accident.
 */
@DisplayName("Each table's SQL lives in the package that owns it")
class TableOwnersTest {
  static final Path MAIN = Path.of("src/main/java/cn/shegong/portal");

  static final Map<String, String> OWNERS =
      Map.ofEntries(
          Map.entry("articles", "news"),
          Map.entry("article_revisions", "news"),
          Map.entry("article_corrections", "news"),
          Map.entry("article_stations", "news"),
          Map.entry("stations", "stations"),
          Map.entry("station_exceptions", "stations"),
          Map.entry("station_reports", "stations"),
          Map.entry("station_report_secret", "stations"),
          Map.entry("station_page_views", "stations"),
          Map.entry("station_changes", "stations"),
          Map.entry("station_audit_public", "stations"),
          Map.entry("station_import_batches", "editor"),
          Map.entry("hsds_import_batches", "editor"),
          Map.entry("station_update_secret", "editor"),
          Map.entry("station_update_invitations", "editor"),
          Map.entry("station_update_proposals", "editor"),
          Map.entry("users", "editor"),
          Map.entry("sessions", "editor"),
          Map.entry("api_tokens", "editor"),
          Map.entry("audit_log", "editor"),
          Map.entry("login_throttle", "editor"),
          Map.entry("login_challenges", "editor"),
          Map.entry("recovery_codes", "editor"),
          Map.entry("user_totp", "editor"),
          Map.entry("helplines", "helplines"),
          Map.entry("crisis_words", "helplines"),
          Map.entry("organization_phones", "helplines"),
          Map.entry("search_gaps", "search"),
          Map.entry("search_synonyms", "search"),
          Map.entry("change_log", "db"));

  /** file (below the root package) → tables it may name although another package owns them. */
  static final Map<String, Set<String>> EXCEPTIONS =
      Map.ofEntries(
          // the index is derived from the public rows of both: it reads them as they are
          Map.entry("search/ContentReader.java", Set.of("articles", "stations")),
          Map.entry("search/IndexBuilder.java", Set.of("articles", "stations")),
          // the benchmark generator and the seed import write content in bulk, below the features
          Map.entry("synthetic/GenerateCommand.java", Set.of("articles", "stations")),
          Map.entry("seeds/SeedImporter.java", Set.of("articles", "stations", "article_stations")),
          // a station names the report it was taken from: one key lookup on articles by slug;
          // and the stations an article mentions come from the link table, joined to stations
          Map.entry("stations/StationRows.java", Set.of("articles")),
          Map.entry("stations/StationRepository.java", Set.of("articles", "article_stations")),
          // the desk's lists of invitations and proposals name each station: a join on its key
          Map.entry("editor/StationInvitations.java", Set.of("stations")),
          Map.entry("editor/StationProposals.java", Set.of("stations")));

  private static final Pattern SQL =
      Pattern.compile("(?i)\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+([a-z_]+)\\b");

  @Test
  @DisplayName("no package names another's table in SQL, beyond the listed exceptions")
  void oneOwnerPerTable() throws IOException {
    List<String> crossings = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String rel = MAIN.relativize(f).toString().replace('\\', '/');
        String pkg = rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : "";
        Set<String> named = new TreeSet<>();
        Matcher m = SQL.matcher(Files.readString(f));
        while (m.find()) named.add(m.group(1).toLowerCase());
        for (String table : named) {
          String owner = OWNERS.get(table);
          if (owner == null || owner.equals(pkg)) continue;
          if (EXCEPTIONS.getOrDefault(rel, Set.of()).contains(table)) continue;
          crossings.add(rel + " names " + table + " (owned by " + owner + ")");
        }
      }
    }
    assertTrue(crossings.isEmpty(), String.join("\n", crossings));
  }
}

package cn.shegong.portal.search;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQL for search_gaps: the week's searches that found nothing or little, counted in aggregate for
 * the desk (editors add synonyms or content). Never an address, a session or a time of day; a query
 * shorter than 2 characters, or holding what looks like a phone or ID number or an e-mail address,
 * is never written; nothing here logs a query.
 */
public final class SearchGaps {
  private static final Logger log = LoggerFactory.getLogger(SearchGaps.class);

  /** "Little": at most this many complete matches. */
  public static final int FEW = 3;

  public static final int MAX_LENGTH = 40;
  public static final int WEEK_ROWS = 200;

  /** Separators people type inside numbers: 138 1234 5678, 021-6234-5678, (010)12345678. */
  private static final Pattern INSIDE_NUMBERS = Pattern.compile("(?<=\\d)[\\s\\-.·_/()（）]+(?=\\d)");

  /** Seven digits and more: a landline, a mobile (11), an ID card (15, 18, or 17 and X). */
  private static final Pattern NUMBER_LIKE = Pattern.compile("\\d{7,}");

  /** One row of the desk's list: a query, how many searches of the week, the most they found. */
  public record Gap(String query, long searches, int found) {}

  private SearchGaps() {}

  /** The query as it is counted (folded, spaces collapsed), or empty when it must not be kept. */
  public static Optional<String> keepable(String raw) {
    if (raw == null) return Optional.empty();
    String q = TextNormalizer.normalize(raw).strip().replaceAll("\\s+", " ");
    if (q.codePointCount(0, q.length()) < 2 || q.length() > MAX_LENGTH) return Optional.empty();
    if (q.indexOf('@') >= 0) return Optional.empty();
    String digits = INSIDE_NUMBERS.matcher(q).replaceAll("");
    if (NUMBER_LIKE.matcher(digits).find()) return Optional.empty();
    return Optional.of(q);
  }

  /**
   * One more search that found {@code found} complete matches, when it found little and its query
   * may be kept. Fire and forget: a lost count is no reason to fail a search, and its failure is
   * logged without the query (a database error can quote the row).
   */
  static void count(SqlClient db, String rawQuery, long found) {
    if (found > FEW) return;
    Optional<String> q = keepable(rawQuery);
    if (q.isEmpty()) return;
    db.preparedQuery(
            "INSERT INTO search_gaps (day, query, searches, found) "
                + "VALUES ((now() AT TIME ZONE 'Asia/Shanghai')::date, $1, 1, $2) "
                + "ON CONFLICT (day, query) DO UPDATE SET searches = search_gaps.searches + 1, "
                + "found = greatest(search_gaps.found, EXCLUDED.found)")
        .execute(Tuple.of(q.get(), (int) found))
        .onFailure(
            e ->
                log.warn(
                    "A search gap was not counted ({}{})",
                    e.getClass().getSimpleName(),
                    e instanceof io.vertx.pgclient.PgException pg ? " " + pg.getSqlState() : ""));
  }

  /** The last 7 China days, most searched first. */
  public static Future<List<Gap>> week(SqlClient db) {
    return db.preparedQuery(
            "SELECT query, sum(searches) AS searches, max(found) AS found FROM search_gaps "
                + "WHERE day > (now() AT TIME ZONE 'Asia/Shanghai')::date - 7 "
                + "GROUP BY query ORDER BY sum(searches) DESC, query LIMIT $1")
        .execute(Tuple.of(WEEK_ROWS))
        .map(
            rows -> {
              List<Gap> out = new ArrayList<>();
              for (Row r : rows) out.add(new Gap(r.getString(0), r.getLong(1), r.getInteger(2)));
              return out;
            });
  }

  /** Counts older than five weeks are of no use to anyone: removed. */
  static Future<Void> forgetOld(SqlClient db) {
    return db.query(
            "DELETE FROM search_gaps WHERE day < (now() AT TIME ZONE 'Asia/Shanghai')::date - 35")
        .execute()
        .mapEmpty();
  }
}

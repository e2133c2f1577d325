package cn.shegong.portal.search;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL for search_synonyms: the lines admins add in the desk (audited there), read by every portal
 * process on top of the synonym file ({@link SearchModule} follows them within seconds).
 */
public final class SynonymRepository {
  public static final int MAX_LINES = 1000;
  public static final int MAX_LINE_LENGTH = 300;

  public record Line(long id, String line, OffsetDateTime createdAt) {}

  private SynonymRepository() {}

  /**
   * Why the line cannot be a synonym rule ("a, b, c" or "a, b => c"), in Chinese; null when it can.
   */
  public static String problem(String line) {
    if (line == null || line.isBlank()) return "请填写同义词，例如：社工, 社会工作";
    if (line.strip().length() > MAX_LINE_LENGTH) return "一行最多 " + MAX_LINE_LENGTH + " 个字符。";
    if (line.contains("\n") || line.contains("\r")) return "每次只能添加一行。";
    if (line.strip().startsWith("#")) return "以 # 开头的是注释，不是同义词。";
    try {
      Synonyms s = Synonyms.parse(line);
      if (s.terms().size() < 2) return "至少需要两个词，用逗号分开，例如：社工, 社会工作";
    } catch (IllegalArgumentException e) {
      return "格式不对：用逗号分开同义词（a, b, c），或用 => 指向替换词（a, b => c）。";
    }
    return null;
  }

  public static Future<List<Line>> list(SqlClient db) {
    return db.preparedQuery("SELECT id, line, created_at FROM search_synonyms ORDER BY id LIMIT $1")
        .execute(Tuple.of(MAX_LINES))
        .map(
            rows -> {
              List<Line> out = new ArrayList<>();
              for (Row r : rows)
                out.add(new Line(r.getLong(0), r.getString(1), r.getOffsetDateTime(2)));
              return out;
            });
  }

  /** The new line's id; 0 when the same line is there already. Check {@link #problem} first. */
  public static Future<Long> add(SqlClient db, String line) {
    return db.preparedQuery(
            "INSERT INTO search_synonyms (line) SELECT $1 "
                + "WHERE (SELECT count(*) FROM search_synonyms) < $2 "
                + "ON CONFLICT (line) DO NOTHING RETURNING id")
        .execute(Tuple.of(line.strip(), MAX_LINES))
        .map(rows -> rows.size() == 0 ? 0L : rows.iterator().next().getLong(0));
  }

  /** The removed line, or null when there was none with this id. */
  public static Future<String> delete(SqlClient db, long id) {
    return db.preparedQuery("DELETE FROM search_synonyms WHERE id = $1 RETURNING line")
        .execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
  }

  /** Every line, for the search engine, and a stamp that changes whenever a line comes or goes. */
  static Future<Loaded> load(SqlClient db) {
    return db.query(
            "SELECT coalesce(string_agg(line, E'\\n' ORDER BY id), '') AS lines, "
                + "count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(sum(id), 0) AS stamp "
                + "FROM search_synonyms")
        .execute()
        .map(
            rows -> {
              Row r = rows.iterator().next();
              return new Loaded(r.getString(0), r.getString(1));
            });
  }

  static Future<String> stamp(SqlClient db) {
    return db.query(
            "SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(sum(id), 0) "
                + "FROM search_synonyms")
        .execute()
        .map(rows -> rows.iterator().next().getString(0));
  }

  record Loaded(String lines, String stamp) {}
}

package cn.shegong.portal.search;

import cn.shegong.portal.common.DatePrecision;
import cn.shegong.portal.common.Zones;
import cn.shegong.portal.stations.StationKind;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads what the index shows from PostgreSQL: published articles and all stations. */
public final class ContentReader {
  private static final String ARTICLE_COLUMNS =
      """
      SELECT id, slug, title, subtitle, kicker, summary, body, source, author, province, city, district, tags,
             published_at, date_precision, origin FROM articles""";
  private static final String STATION_COLUMNS =
      """
      SELECT id, slug, name, kind, organization, description, address, province, city, district, township,
             latitude, longitude, services, target_groups, origin FROM stations""";

  private final SqlClient db;

  public ContentReader(SqlClient db) {
    this.db = db;
  }

  /**
   * The public ones among these articles; an id missing from the answer is deleted or not public.
   */
  public Future<List<Indexable>> articles(List<Long> ids) {
    return db.preparedQuery(ARTICLE_COLUMNS + " WHERE id = ANY($1) AND status = 'published'")
        .execute(Tuple.of(ids.toArray(Long[]::new)))
        .map(rows -> map(rows, ContentReader::article));
  }

  public Future<List<Indexable>> stations(List<Long> ids) {
    return db.preparedQuery(STATION_COLUMNS + " WHERE id = ANY($1)")
        .execute(Tuple.of(ids.toArray(Long[]::new)))
        .map(rows -> map(rows, ContentReader::station));
  }

  /** The next page of public articles after {@code afterId}, in id order (for a full rebuild). */
  public Future<List<Indexable>> articlesAfter(long afterId, int limit) {
    return db.preparedQuery(
            ARTICLE_COLUMNS + " WHERE id > $1 AND status = 'published' ORDER BY id LIMIT $2")
        .execute(Tuple.of(afterId, limit))
        .map(rows -> map(rows, ContentReader::article));
  }

  public Future<List<Indexable>> stationsAfter(long afterId, int limit) {
    return db.preparedQuery(STATION_COLUMNS + " WHERE id > $1 ORDER BY id LIMIT $2")
        .execute(Tuple.of(afterId, limit))
        .map(rows -> map(rows, ContentReader::station));
  }

  private static List<Indexable> map(
      Iterable<Row> rows, java.util.function.Function<Row, Indexable> f) {
    List<Indexable> out = new ArrayList<>();
    for (Row r : rows) out.add(f.apply(r));
    return out;
  }

  static Indexable article(Row r) {
    OffsetDateTime published = r.getOffsetDateTime("published_at");
    LocalDate date =
        published == null ? null : published.atZoneSameInstant(Zones.CHINA).toLocalDate();
    DatePrecision precision = DatePrecision.fromCode(r.getString("date_precision"));
    String body =
        joinLines(
            r.getString("kicker"),
            r.getString("subtitle"),
            r.getString("summary"),
            r.getString("body"),
            r.getString("source"),
            r.getString("author"),
            String.join("、", Arrays.asList(r.getArrayOfStrings("tags"))));
    return new Indexable(
        SearchFields.TYPE_ARTICLE,
        r.getLong("id"),
        r.getString("slug"),
        r.getString("title"),
        body,
        r.getString("province"),
        r.getString("city"),
        r.getString("district"),
        "",
        "",
        r.getString("origin"),
        date,
        date == null ? "" : precision.format(date),
        null,
        null,
        new Indexable.Listing(
            r.getString("subtitle"),
            r.getString("summary"),
            r.getString("source"),
            Arrays.asList(r.getArrayOfStrings("tags")),
            published == null ? null : published.toInstant(),
            precision != DatePrecision.YEAR));
  }

  static Indexable station(Row r) {
    String kind = r.getString("kind");
    String body =
        joinLines(
            StationKind.fromCode(kind).map(StationKind::label).orElse(""),
            r.getString("organization"),
            r.getString("description"),
            r.getString("address"),
            String.join("、", Arrays.asList(r.getArrayOfStrings("services"))),
            String.join("、", Arrays.asList(r.getArrayOfStrings("target_groups"))));
    return new Indexable(
        SearchFields.TYPE_STATION,
        r.getLong("id"),
        r.getString("slug"),
        r.getString("name"),
        body,
        r.getString("province"),
        r.getString("city"),
        r.getString("district"),
        r.getString("township"),
        kind,
        r.getString("origin"),
        null,
        "",
        r.getDouble("latitude"),
        r.getDouble("longitude"));
  }

  private static String joinLines(String... parts) {
    return Stream.of(parts)
        .filter(p -> p != null && !p.isBlank())
        .collect(Collectors.joining("\n"));
  }
}

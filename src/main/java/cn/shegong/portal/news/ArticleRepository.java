package cn.shegong.portal.news;

import cn.shegong.portal.common.DatePrecision;
import cn.shegong.portal.common.Region;
import cn.shegong.portal.web.PublicPage;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for articles and their row mapping. Only {@code status = 'published'} rows are public. */
public final class ArticleRepository {
  /**
   * When readers' content last changed: the desk's last edit of the published text, else the
   * publication date (not the import time); for a draft never published, the row's own change time.
   */
  public static final String MODIFIED =
      "coalesce(greatest(a.published_at, a.edited_at), a.updated_at)";

  public static final String COLUMNS =
      "a.id, a.slug, a.title, a.subtitle, a.kicker, a.summary, a.body, a.source, "
          + "a.author, a.province, a.city, a.district, a.tags, a.published_at, a.date_precision, a.status, a.note, "
          + "a.version, a.created_at, "
          + MODIFIED
          + " AS updated_at";

  static final int RELATED_CANDIDATES = 500;

  private final SqlClient db;

  public ArticleRepository(SqlClient db) {
    this.db = db;
  }

  public Future<Optional<Article>> findPublishedBySlug(String slug) {
    return db.preparedQuery(
            "SELECT " + COLUMNS + " FROM articles a WHERE a.slug = $1 AND a.status = 'published'")
        .execute(Tuple.of(slug))
        .map(
            rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
  }

  /** Newest first; ties broken by id so pages never overlap. */
  /** The published ones among these slugs, in no particular order. */
  public Future<List<Article>> listPublishedBySlugs(List<String> slugs) {
    return db.preparedQuery(
            "SELECT "
                + COLUMNS
                + " FROM articles a WHERE a.slug = ANY ($1::text[]) AND a.status = 'published'")
        .execute(Tuple.of(slugs.toArray(String[]::new)))
        .map(ArticleRepository::mapAll);
  }

  public Future<List<Article>> listPublished(int offset, int limit) {
    return db.preparedQuery(
            "SELECT "
                + COLUMNS
                + " FROM articles a WHERE a.status = 'published' "
                + "ORDER BY a.published_at DESC, a.id DESC OFFSET $1 LIMIT $2")
        .execute(Tuple.of(offset, limit))
        .map(ArticleRepository::mapAll);
  }

  /**
   * Published articles matching a filter, newest first; ties broken by id so pages never overlap.
   */
  public Future<List<Article>> list(ArticleFilter filter, int offset, int limit) {
    return list(ArticleWhere.of(filter), offset, limit);
  }

  public Future<Long> count(ArticleFilter filter) {
    ArticleWhere w = ArticleWhere.of(filter);
    return db.preparedQuery("SELECT count(*) FROM articles a" + w.sql())
        .execute(w.tuple())
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** For feeds: like {@link #list} but without synthetic benchmark rows. */
  public Future<List<Article>> listReal(ArticleFilter filter, int limit) {
    return list(ArticleWhere.of(filter).realOnly(), 0, limit);
  }

  private Future<List<Article>> list(ArticleWhere w, int offset, int limit) {
    return db.preparedQuery(
            "SELECT "
                + COLUMNS
                + " FROM articles a"
                + w.sql()
                + " ORDER BY a.published_at DESC, a.id DESC OFFSET "
                + w.next(1)
                + " LIMIT "
                + w.next(2))
        .execute(w.tuple(offset, limit))
        .map(ArticleRepository::mapAll);
  }

  /**
   * Other published articles sharing the most tags, then the same city or province, newest first.
   * Only the newest candidates are scored, so the cost stays flat however large the archive grows.
   */
  public Future<List<Article>> related(Article article, int limit) {
    return db.preparedQuery(
            "SELECT * FROM (SELECT "
                + COLUMNS
                + ", "
                + "(SELECT count(*) FROM unnest(a.tags) t WHERE t = ANY ($2::text[])) AS shared_tags, "
                + "(CASE WHEN a.city <> '' AND a.city = $4 THEN 2 WHEN a.province <> '' AND a.province = $3 THEN 1 "
                + "ELSE 0 END) AS same_place FROM (SELECT * FROM articles c WHERE c.status = 'published' "
                + "AND c.origin <> 'synthetic' AND c.id <> $1 AND (c.tags && $2::text[] OR (c.province <> '' AND c.province = $3)) "
                + "ORDER BY c.published_at DESC LIMIT "
                + RELATED_CANDIDATES
                + ") a) r "
                + "ORDER BY r.shared_tags + r.same_place DESC, r.published_at DESC, r.id DESC LIMIT $5")
        .execute(
            Tuple.of(
                article.id(),
                article.text().tags().toArray(String[]::new),
                article.text().region().province(),
                article.text().region().city(),
                limit))
        .map(ArticleRepository::mapAll);
  }

  /** Published articles that mention a station, newest first. */
  /**
   * Published articles linked to the station, or about its district (when it has one); newest
   * first.
   */
  public Future<List<Article>> listPublishedAbout(long stationId, Region region, int limit) {
    return db.preparedQuery(
            "SELECT "
                + COLUMNS
                + " FROM articles a "
                + "WHERE a.status = 'published' AND (EXISTS (SELECT 1 FROM article_stations l "
                + "WHERE l.article_id = a.id AND l.station_id = $1) "
                + "OR ($2 <> '' AND a.district = $2 AND a.city = $3 AND a.province = $4)) "
                + "ORDER BY a.published_at DESC, a.id DESC LIMIT $5")
        .execute(Tuple.of(stationId, region.district(), region.city(), region.province(), limit))
        .map(ArticleRepository::mapAll);
  }

  /** Every public article for the sitemap, by slug; synthetic benchmark rows are left out. */
  public Future<List<PublicPage>> publicPages() {
    // when it was published or last edited by the desk, not when a row was last touched (imports,
    // status flips)
    return db.query(
            "SELECT slug, greatest(published_at, edited_at) FROM articles WHERE status = 'published' "
                + "AND origin <> 'synthetic' "
                + "ORDER BY slug")
        .execute()
        .map(rows -> PublicPage.fromRows(rows, Article::urlOf));
  }

  /**
   * Inserts unless the slug exists (seeds are idempotent); answers the id of the new row, or empty.
   */
  public Future<Optional<Long>> insertIfAbsent(ArticleDraft d, String origin) {
    return db.preparedQuery(
            "INSERT INTO articles (slug, title, subtitle, kicker, summary, body, source, author, "
                + "province, city, district, tags, published_at, date_precision, status, note, origin) "
                + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) "
                + "ON CONFLICT (slug) DO NOTHING RETURNING id")
        .execute(
            Tuple.from(
                new Object[] {
                  d.slug(),
                  d.text().title(),
                  d.text().subtitle(),
                  d.text().kicker(),
                  d.text().summary(),
                  d.text().body(),
                  d.text().source(),
                  d.text().author(),
                  d.text().region().province(),
                  d.text().region().city(),
                  d.text().region().district(),
                  d.text().tags().toArray(String[]::new),
                  d.text().publishedAt(),
                  d.text().datePrecision().code(),
                  d.status().code(),
                  d.note(),
                  origin
                }))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(rows.iterator().next().getLong(0)));
  }

  public static List<Article> mapAll(Iterable<Row> rows) {
    List<Article> out = new ArrayList<>();
    for (Row r : rows) out.add(map(r));
    return out;
  }

  public static Article map(Row r) {
    String[] tags = r.getArrayOfStrings("tags");
    return new Article(
        r.getLong("id"),
        r.getString("slug"),
        new ArticleText(
            r.getString("title"),
            r.getString("subtitle"),
            r.getString("kicker"),
            r.getString("summary"),
            r.getString("body"),
            r.getString("source"),
            r.getString("author"),
            new Region(r.getString("province"), r.getString("city"), r.getString("district")),
            tags == null ? List.of() : List.of(tags),
            r.getOffsetDateTime("published_at"),
            DatePrecision.fromCode(r.getString("date_precision"))),
        ArticleStatus.fromCode(r.getString("status")),
        r.getString("note"),
        r.getInteger("version"),
        r.getOffsetDateTime("created_at"),
        r.getOffsetDateTime("updated_at"));
  }
}

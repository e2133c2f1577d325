package cn.shegong.portal.helplines;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The helplines, crisis_words and organization_phones tables. */
public final class HelplineRepository {
  private static final String COLUMNS =
      "id, name, number, scope, region, kinds, hours, source_url, checked";

  private final SqlClient db;

  public HelplineRepository(SqlClient db) {
    this.db = db;
  }

  public Future<List<Helpline>> all() {
    return db.query(
            "SELECT " + COLUMNS + " FROM helplines WHERE retired_at IS NULL ORDER BY position, id")
        .execute()
        .map(
            rows -> {
              List<Helpline> out = new ArrayList<>();
              for (Row r : rows) out.add(map(r));
              return out;
            });
  }

  /** Adds the lines not there yet (by id); editors' changes to existing ones are kept. */
  public Future<Integer> insertAbsent(List<Helpline> lines) {
    List<Tuple> batch = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) batch.add(tuple(lines.get(i)).addInteger(i));
    if (batch.isEmpty()) return Future.succeededFuture(0);
    return db.preparedQuery(
            "INSERT INTO helplines ("
                + COLUMNS
                + ", position) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
                + "ON CONFLICT (id) DO NOTHING")
        .executeBatch(batch)
        .map(
            rows -> {
              int n = 0;
              for (var r = rows; r != null; r = r.next()) n += r.rowCount();
              return n;
            });
  }

  /** A line as the desk sees it: with its version, and whether it has been retired. */
  public record Stored(Helpline line, int version, boolean retired) {}

  /** Every line, retired ones too, for the desk. */
  public Future<List<Stored>> stored() {
    return db.query(
            "SELECT "
                + COLUMNS
                + ", version, retired_at IS NOT NULL AS retired FROM helplines "
                + "ORDER BY retired_at IS NOT NULL, position, id")
        .execute()
        .map(
            rows -> {
              List<Stored> out = new ArrayList<>();
              for (Row r : rows) out.add(stored(r));
              return out;
            });
  }

  public Future<Optional<Stored>> find(String id) {
    return db.preparedQuery(
            "SELECT "
                + COLUMNS
                + ", version, retired_at IS NOT NULL AS retired FROM helplines WHERE id = $1")
        .execute(Tuple.of(id))
        .map(
            rows ->
                rows.size() == 0 ? Optional.empty() : Optional.of(stored(rows.iterator().next())));
  }

  /** Adds a new line after the others; false when the id is taken. */
  public Future<Boolean> insert(Helpline h) {
    return db.preparedQuery(
            "INSERT INTO helplines ("
                + COLUMNS
                + ", position) SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, "
                + "coalesce(max(position), 0) + 1 FROM helplines ON CONFLICT (id) DO NOTHING")
        .execute(tuple(h))
        .map(r -> r.rowCount() > 0);
  }

  /** Saves over {@code baseVersion}; false when the stored version is another (or none). */
  public Future<Boolean> update(Helpline h, int baseVersion) {
    return db.preparedQuery(
            "UPDATE helplines SET name = $2, number = $3, scope = $4, region = $5, kinds = $6, "
                + "hours = $7, source_url = $8, checked = $9, version = version + 1, updated_at = now() "
                + "WHERE id = $1 AND version = $10")
        .execute(tuple(h).addInteger(baseVersion))
        .map(r -> r.rowCount() > 0);
  }

  /** Retires a line (or brings it back); false when there is no such line. */
  public Future<Boolean> retire(String id, boolean retired) {
    return db.preparedQuery(
            "UPDATE helplines SET retired_at = CASE WHEN $2 THEN coalesce(retired_at, now()) END, "
                + "version = version + 1, updated_at = now() WHERE id = $1")
        .execute(Tuple.of(id, retired))
        .map(r -> r.rowCount() > 0);
  }

  public Future<List<String>> crisisWords() {
    return db.query("SELECT word FROM crisis_words ORDER BY word")
        .execute()
        .map(
            rows -> {
              List<String> out = new ArrayList<>();
              for (Row r : rows) out.add(r.getString(0));
              return out;
            });
  }

  public Future<Void> replaceCrisisWords(List<String> words) {
    Future<?> cleared = db.query("DELETE FROM crisis_words").execute();
    if (words.isEmpty()) return cleared.mapEmpty();
    List<Tuple> batch = words.stream().distinct().map(Tuple::of).toList();
    return cleared
        .compose(
            v ->
                db.preparedQuery(
                        "INSERT INTO crisis_words (word) VALUES ($1) ON CONFLICT DO NOTHING")
                    .executeBatch(batch))
        .mapEmpty();
  }

  public Future<Map<String, String>> organizationPhones() {
    return db.query("SELECT organization, phone FROM organization_phones")
        .execute()
        .map(
            rows -> {
              Map<String, String> out = new HashMap<>();
              for (Row r : rows) out.put(r.getString(0), r.getString(1));
              return out;
            });
  }

  private static Tuple tuple(Helpline h) {
    return Tuple.of(
        h.id(),
        h.name(),
        h.number(),
        h.scope().code(),
        h.region(),
        h.kinds().toArray(String[]::new),
        h.hours(),
        h.sourceUrl(),
        h.checked());
  }

  private static Stored stored(Row r) {
    return new Stored(map(r), r.getInteger("version"), r.getBoolean("retired"));
  }

  private static Helpline map(Row r) {
    return new Helpline(
        r.getString("id"),
        r.getString("name"),
        r.getString("number"),
        Helpline.Scope.of(r.getString("scope")),
        r.getString("region"),
        List.of(r.getArrayOfStrings("kinds")),
        r.getString("hours"),
        r.getString("source_url"),
        r.getLocalDate("checked"));
  }
}

package cn.shegong.portal.stations;

import io.vertx.core.Future;
import io.vertx.sqlclient.Cursor;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the copy kept in memory reads of the stations table, inside one REPEATABLE READ transaction
 * so that the rows and the list's order come from the same moment. The order is read as ids only
 * and sorted by PostgreSQL, whose collation decides the list's order.
 */
final class StationReads {
  private static final int CHUNK_ROWS = 500;
  private static final String COLUMNS_SQL = "SELECT " + StationRows.COLUMNS + " FROM stations s ";
  private static final String ORDER_SQL =
      "SELECT array_agg(s.id ORDER BY " + StationRows.LIST_ORDER + ") FROM stations s";

  private StationReads() {}

  /** Starts the transaction's one snapshot: must come first in it. */
  static Future<Void> oneMoment(SqlConnection conn) {
    return conn.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        .execute()
        .mapEmpty();
  }

  /**
   * Every station's row, read in chunks through a cursor: rows are decoded on the event loop that
   * also answers HTTP, and one result of 30,000 rows would hold it for tens of ms.
   */
  static Future<List<Row>> all(SqlConnection conn) {
    return conn.prepare(COLUMNS_SQL)
        .compose(
            statement -> {
              Cursor cursor = statement.cursor();
              return readChunks(cursor, new ArrayList<>()).eventually(cursor::close);
            });
  }

  static Future<List<Row>> these(SqlConnection conn, Set<Long> ids) {
    return conn.preparedQuery(COLUMNS_SQL + "WHERE s.id = ANY($1)")
        .execute(Tuple.of(ids.toArray(Long[]::new)))
        .map(
            rows -> {
              List<Row> out = new ArrayList<>(rows.size());
              rows.forEach(out::add);
              return out;
            });
  }

  /** Every station's id in the list's order. */
  static Future<long[]> order(SqlConnection conn) {
    return conn.preparedQuery(ORDER_SQL)
        .execute()
        .map(
            rows -> {
              Long[] ids = rows.iterator().next().getArrayOfLongs(0);
              long[] out = new long[ids == null ? 0 : ids.length];
              for (int i = 0; i < out.length; i++) out[i] = ids[i];
              return out;
            });
  }

  private static Future<List<Row>> readChunks(Cursor cursor, List<Row> rows) {
    return cursor
        .read(CHUNK_ROWS)
        .compose(
            chunk -> {
              chunk.forEach(rows::add);
              return cursor.hasMore() ? readChunks(cursor, rows) : Future.succeededFuture(rows);
            });
  }
}

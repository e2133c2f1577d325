package cn.shegong.portal.news;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How a facet lists its values, written once for PostgreSQL (an ORDER BY) and for counts made
 * elsewhere (a comparator), so the list reads the same whoever counted. Text ties go by code point
 * (COLLATE "C"), which both sides compute alike whatever the database's own collation.
 */
enum FacetOrder {
  /** The most articles first, then by name. */
  MOST_FIRST,
  /** Years: the latest first. */
  NEWEST_FIRST,
  /** Months: January to December. */
  BY_NUMBER;

  /** The ORDER BY of a query grouped by the text of {@code valueSql}. */
  String sql(String valueSql) {
    return switch (this) {
      case MOST_FIRST -> "count(*) DESC, min(CAST(" + valueSql + " AS text) COLLATE \"C\")";
      case NEWEST_FIRST -> "min(" + valueSql + ") DESC";
      case BY_NUMBER -> "min(" + valueSql + ")";
    };
  }

  /** At most {@code limit} values with their counts, in this order. */
  List<Map.Entry<String, Long>> listed(Map<String, Long> counts, int limit) {
    return counts.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue()))
        .sorted(comparator())
        .limit(limit)
        .toList();
  }

  private Comparator<Map.Entry<String, Long>> comparator() {
    Comparator<Map.Entry<String, Long>> byNumber =
        Comparator.comparingInt(e -> Integer.parseInt(e.getKey()));
    return switch (this) {
      case MOST_FIRST ->
          Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
              .reversed()
              .thenComparing(Map.Entry::getKey, FacetOrder::byCodePoint);
      case NEWEST_FIRST -> byNumber.reversed();
      case BY_NUMBER -> byNumber;
    };
  }

  /** The order of COLLATE "C" on UTF-8: by code point (String.compareTo differs past U+FFFF). */
  static int byCodePoint(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) return Integer.compare(x, y);
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}

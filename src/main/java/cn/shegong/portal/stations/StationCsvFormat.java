package cn.shegong.portal.stations;

import cn.shegong.portal.common.Region;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one CSV layout for stations: seed file, public export and editors' import. Column names
 * follow Open Referral HSDS where a field maps (id, name, description, latitude, longitude,
 * address_1, city, state_province, country, phone, schedule); the rest are the portal's own.
 */
public final class StationCsvFormat {
  public static final List<String> COLUMNS =
      List.of(
          "id",
          "name",
          "kind",
          "organization",
          "description",
          "address_1",
          "township",
          "district",
          "city",
          "state_province",
          "country",
          "latitude",
          "longitude",
          "location_precision",
          "phone",
          "schedule",
          "services",
          "target_groups",
          "status",
          "verified_at",
          "source_article");
  public static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,119}");

  /**
   * A row read into a draft, or the reasons it cannot be (in Chinese, for the person fixing the
   * file).
   */
  public record Parsed(StationDraft draft, List<String> errors) {
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  private StationCsvFormat() {}

  /** Names of required columns missing from a header row. */
  public static List<String> missingColumns(List<String> header) {
    return COLUMNS.stream()
        .filter(c -> List.of("id", "name", "kind").contains(c) && !header.contains(c))
        .toList();
  }

  public static Parsed parse(Map<String, String> row) {
    List<String> errors = new ArrayList<>();
    String slug = get(row, "id");
    if (!SLUG.matcher(slug).matches()) errors.add("id 应为小写字母、数字和连字符（如 jiangqiao-psych-station）");
    String name = get(row, "name");
    if (name.isEmpty() || name.length() > 200) errors.add("name 不能为空，且不超过 200 字");
    StationKind kind = StationKind.fromCode(get(row, "kind")).orElse(null);
    if (kind == null) errors.add("kind 应为 psych、medical 或 township");
    Double lat = number(row, "latitude", -90, 90, errors);
    Double lon = number(row, "longitude", -180, 180, errors);
    if ((lat == null) != (lon == null)) errors.add("latitude 与 longitude 须同时填写或同时留空");
    String precisionText = get(row, "location_precision");
    LocationPrecision precision =
        precisionText.isEmpty()
            ? LocationPrecision.CITY
            : LocationPrecision.fromCode(precisionText).orElse(null);
    if (precision == null) errors.add("location_precision 应为 exact、street、district 或 city");
    OpeningHours hours = OpeningHours.UNKNOWN;
    try {
      hours = OpeningHours.parse(get(row, "schedule"));
    } catch (IllegalArgumentException e) {
      errors.add("schedule：" + e.getMessage());
    }
    StationStatus status = StationStatus.fromCode(get(row, "status")).orElse(null);
    if (status == null) errors.add("status 应为 active、temporarily_closed 或 closed");
    LocalDate verified = null;
    if (!get(row, "verified_at").isEmpty()) {
      try {
        verified = LocalDate.parse(get(row, "verified_at"));
      } catch (DateTimeParseException e) {
        errors.add("verified_at 应为日期，如 2024-09-20");
      }
    }
    String phone = get(row, "phone");
    if (phone.length() > 60) errors.add("phone 过长");
    if (!errors.isEmpty()) return new Parsed(null, errors);
    return new Parsed(
        new StationDraft(
            slug,
            name,
            kind,
            get(row, "organization"),
            get(row, "description"),
            get(row, "address_1"),
            new Region(get(row, "state_province"), get(row, "city"), get(row, "district")),
            get(row, "township"),
            lat,
            lon,
            precision,
            phone,
            hours,
            list(row, "services"),
            list(row, "target_groups"),
            status,
            verified,
            get(row, "source_article")),
        List.of());
  }

  /** The row for a station, in {@link #COLUMNS} order. */
  public static List<String> row(Station s) {
    return List.of(
        s.slug(),
        s.name(),
        s.content().kind().code(),
        s.content().organization(),
        s.content().description(),
        s.content().address(),
        s.content().township(),
        s.content().region().district(),
        s.content().region().city(),
        s.content().region().province(),
        "CN",
        s.content().latitude() == null ? "" : String.valueOf(s.content().latitude()),
        s.content().longitude() == null ? "" : String.valueOf(s.content().longitude()),
        s.content().locationPrecision().code(),
        s.content().phone(),
        s.content().openingHours().toSyntax(),
        String.join(";", s.content().services()),
        String.join(";", s.content().targetGroups()),
        s.content().status().code(),
        s.content().verifiedAt() == null ? "" : s.content().verifiedAt().toString(),
        s.content().sourceArticleSlug() == null ? "" : s.content().sourceArticleSlug());
  }

  private static String get(Map<String, String> row, String column) {
    String v = row.get(column);
    return v == null ? "" : v.strip();
  }

  private static List<String> list(Map<String, String> row, String column) {
    return Arrays.stream(get(row, column).split("[;；]"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static Double number(
      Map<String, String> row, String column, double min, double max, List<String> errors) {
    String v = get(row, column);
    if (v.isEmpty()) return null;
    try {
      double d = Double.parseDouble(v);
      if (d >= min && d <= max) return d;
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(column + " 应为 " + (int) min + " 到 " + (int) max + " 之间的数字");
    return null;
  }
}

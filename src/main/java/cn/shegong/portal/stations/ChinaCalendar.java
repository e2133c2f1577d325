package cn.shegong.portal.stations;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * China's public holidays and adjusted working days (调休) from the State Council's notices, as
 * shipped in src/main/resources/holiday-cn (holiday-cn, MIT) plus any YYYY.json in an operator's
 * directory.
 */
public final class ChinaCalendar {
  public enum DayType {
    WORKDAY("workday"),
    WEEKEND("weekend"),
    HOLIDAY("holiday"),
    ADJUSTED_WORKDAY("adjusted_workday");

    private final String code;

    DayType(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  public record Day(LocalDate date, DayType type, String holiday) {
    /**
     * A day the weekly hours treat as Monday–Friday: a 调休 Saturday or Sunday counts as a Monday.
     */
    public DayOfWeek effectiveWeekday() {
      return type == DayType.ADJUSTED_WORKDAY ? DayOfWeek.MONDAY : date.getDayOfWeek();
    }
  }

  private record Entry(String name, boolean off) {}

  private static final ChinaCalendar BUNDLED = load(Optional.empty());
  private static volatile ChinaCalendar current = BUNDLED;

  private final Map<LocalDate, Entry> days;

  private ChinaCalendar(Map<LocalDate, Entry> days) {
    this.days = Map.copyOf(days);
  }

  public static ChinaCalendar bundled() {
    return BUNDLED;
  }

  /**
   * The calendar in use: the bundled one, or the one the start-up read with PORTAL_HOLIDAYS_DIR.
   */
  public static ChinaCalendar current() {
    return current;
  }

  public static void use(ChinaCalendar calendar) {
    current = calendar;
  }

  /**
   * The bundled years, then every YYYY.json in {@code dir} (a year there replaces the bundled one).
   */
  public static ChinaCalendar load(Optional<Path> dir) {
    Map<Integer, JsonObject> years = new HashMap<>();
    for (int y = 2000; y <= 2100; y++) {
      try (InputStream in = ChinaCalendar.class.getResourceAsStream("/holiday-cn/" + y + ".json")) {
        if (in != null)
          years.put(y, new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    dir.filter(Files::isDirectory)
        .ifPresent(
            d -> {
              try (Stream<Path> files = Files.list(d)) {
                for (Path f :
                    files
                        .filter(p -> p.getFileName().toString().matches("\\d{4}\\.json"))
                        .toList()) {
                  JsonObject o = new JsonObject(Files.readString(f, StandardCharsets.UTF_8));
                  years.put(o.getInteger("year"), o);
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    Map<LocalDate, Entry> days = new HashMap<>();
    for (JsonObject year : years.values()) {
      JsonArray list = year.getJsonArray("days", new JsonArray());
      for (int i = 0; i < list.size(); i++) {
        JsonObject d = list.getJsonObject(i);
        days.put(
            LocalDate.parse(d.getString("date")),
            new Entry(d.getString("name"), d.getBoolean("isOffDay")));
      }
    }
    return new ChinaCalendar(days);
  }

  public Day day(LocalDate date) {
    Entry e = days.get(date);
    if (e != null)
      return new Day(date, e.off() ? DayType.HOLIDAY : DayType.ADJUSTED_WORKDAY, e.name());
    boolean weekend =
        date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    return new Day(date, weekend ? DayType.WEEKEND : DayType.WORKDAY, null);
  }
}

package cn.shegong.portal.helplines;

import cn.shegong.portal.stations.OpeningHours;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A public help line with its source. {@code hours} is opening_hours syntax; empty means the hours
 * differ from place to place (各地时段不同), which is never read as "closed".
 */
public record Helpline(
    String id,
    String name,
    String number,
    Scope scope,
    String region,
    List<String> kinds,
    String hours,
    String sourceUrl,
    LocalDate checked) {

  public enum Scope {
    NATIONAL("national", "全国"),
    PROVINCE("province", "本省"),
    CITY("city", "本市");

    private final String code;
    private final String label;

    Scope(String code, String label) {
      this.code = code;
      this.label = label;
    }

    public String code() {
      return code;
    }

    public String label() {
      return label;
    }

    public static Scope of(String code) {
      for (Scope s : values()) if (s.code.equals(code == null ? "" : code.strip())) return s;
      throw new IllegalArgumentException("范围应为 national、province 或 city：" + code);
    }
  }

  public Helpline {
    kinds = List.copyOf(kinds);
    region = region == null ? "" : region.strip();
    hours = hours == null ? "" : hours.strip();
  }

  /** For a tel: link: the digits only. */
  public String tel() {
    return number.replaceAll("[^0-9]", "");
  }

  public boolean serves(String kind) {
    return kinds.contains(kind);
  }

  public boolean hoursKnown() {
    return !hours.isEmpty();
  }

  /** True / false when the hours are known, null when they differ by place. */
  public Boolean answeringAt(ZonedDateTime chinaTime) {
    if (!hoursKnown()) return null;
    return OpeningHours.parse(hours).isOpenAt(chinaTime);
  }

  /** "24 小时" for round-the-clock lines, else the days and times, else 各地时段不同. */
  public String hoursText() {
    if (!hoursKnown()) return "各地时段不同";
    OpeningHours h = OpeningHours.parse(hours);
    return h.roundTheClock() ? "24 小时" : String.join("；", h.describeChinese());
  }

  public JsonObject toJson(ZonedDateTime now) {
    return new JsonObject()
        .put("id", id)
        .put("name", name)
        .put("number", number)
        .put("scope", scope.code())
        .put("region", region)
        .put("kinds", new JsonArray(kinds))
        .put("hours", hours.isEmpty() ? null : hours)
        .put("hours_text", hoursText())
        .put("answering_now", answeringAt(now))
        .put("source_url", sourceUrl)
        .put("checked", checked.toString());
  }
}

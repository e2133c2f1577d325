package cn.shegong.portal.editor;

import cn.shegong.portal.common.DatePrecision;
import cn.shegong.portal.common.Region;
import cn.shegong.portal.common.Zones;
import cn.shegong.portal.news.ArticleText;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * What an editor writes for an article, read from the desk form, the JSON API or a revision
 * snapshot, with its validation. The JSON field names are the API's public contract and the
 * snapshot format.
 */
public final class ArticleInput {
  private ArticleInput() {}

  static final int MAX_TITLE = 300;
  static final int MAX_BODY = 200_000;
  static final int MAX_TEXT = 2_000;
  static final List<String> TEXT_FIELDS =
      List.of(
          "title",
          "subtitle",
          "kicker",
          "summary",
          "body",
          "source",
          "author",
          "province",
          "city",
          "district");

  /** An input, or the reasons it cannot be saved (in Chinese, for the person who typed it). */
  public record Checked(ArticleText input, List<String> errors) {
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  /**
   * Form fields as typed: the text fields above plus "tags" (comma separated), "date",
   * "date_precision".
   */
  public static Checked fromForm(Map<String, String> f) {
    List<String> errors = new ArrayList<>();
    List<String> tags =
        Arrays.stream(f.getOrDefault("tags", "").split("[,，;；、\\n]"))
            .map(String::strip)
            .filter(t -> !t.isEmpty())
            .toList();
    OffsetDateTime date = parseDate(f.getOrDefault("date", ""), errors);
    return check(f, tags, date, f.getOrDefault("date_precision", ""), errors);
  }

  public static Checked fromJson(JsonObject o) {
    List<String> errors = new ArrayList<>();
    Map<String, String> f = new LinkedHashMap<>();
    for (String k : TEXT_FIELDS) {
      Object v = o.getValue(k);
      if (v != null && !(v instanceof String)) errors.add(k + " 应为字符串");
      f.put(k, v instanceof String s ? s : "");
    }
    List<String> tags = new ArrayList<>();
    Object t = o.getValue("tags");
    if (t instanceof JsonArray a) {
      for (Object x : a)
        if (x instanceof String s && !s.isBlank()) tags.add(s.strip());
        else errors.add("tags 应为字符串数组");
    } else if (t != null) {
      errors.add("tags 应为字符串数组");
    }
    Object d = o.getValue("published_at");
    OffsetDateTime date = null;
    if (d instanceof String s) date = parseDate(s, errors);
    else if (d != null) errors.add("published_at 应为日期字符串，如 2024-09-20");
    Object p = o.getValue("date_precision");
    if (p != null && !(p instanceof String)) errors.add("date_precision 应为 day、month 或 year");
    return check(f, tags, date, p instanceof String s ? s : "", errors);
  }

  private static Checked check(
      Map<String, String> f,
      List<String> tags,
      OffsetDateTime date,
      String precision,
      List<String> errors) {
    if (f.values().stream().anyMatch(v -> v.indexOf('\0') >= 0)
        || tags.stream().anyMatch(t -> t.indexOf('\0') >= 0)) {
      errors.add("内容中含有无效字符（NUL）");
      return new Checked(null, List.copyOf(errors));
    }
    String title = f.getOrDefault("title", "").strip();
    if (title.isEmpty()) errors.add("标题不能为空");
    if (title.length() > MAX_TITLE) errors.add("标题最多 " + MAX_TITLE + " 个字");
    String body = f.getOrDefault("body", "").replace("\r\n", "\n").strip();
    if (body.length() > MAX_BODY) errors.add("正文最多 " + MAX_BODY + " 个字");
    for (String k :
        List.of(
            "subtitle", "kicker", "summary", "source", "author", "province", "city", "district")) {
      if (f.getOrDefault(k, "").length() > MAX_TEXT) errors.add(k + " 最多 " + MAX_TEXT + " 个字");
    }
    if (tags.size() > 30 || tags.stream().anyMatch(t -> t.length() > 80))
      errors.add("标签最多 30 个，每个不超过 80 个字");
    DatePrecision dp = DatePrecision.DAY;
    try {
      dp = DatePrecision.fromCode(precision);
    } catch (IllegalArgumentException e) {
      errors.add("日期精度应为 day、month 或 year");
    }
    if (!errors.isEmpty()) return new Checked(null, List.copyOf(errors));
    return new Checked(
        new ArticleText(
            title,
            s(f, "subtitle"),
            s(f, "kicker"),
            s(f, "summary"),
            body,
            s(f, "source"),
            s(f, "author"),
            new Region(s(f, "province"), s(f, "city"), s(f, "district")),
            List.copyOf(new LinkedHashSet<>(tags)),
            date,
            dp),
        List.of());
  }

  private static String s(Map<String, String> f, String k) {
    return f.getOrDefault(k, "").strip();
  }

  /**
   * "2024-09-20" (a day in China) or a full ISO date-time with offset; empty means "set when
   * published".
   */
  static OffsetDateTime parseDate(String text, List<String> errors) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) return null;
    try {
      OffsetDateTime d =
          t.length() == 10
              ? LocalDate.parse(t).atStartOfDay(Zones.CHINA).toOffsetDateTime()
              : OffsetDateTime.parse(t);
      if (d.getYear() >= 1900 && d.getYear() <= 2200) return d;
    } catch (DateTimeParseException e) {
      // reported below
    }
    errors.add("日期无效，应为 2024-09-20 这样的日期");
    return null;
  }

  /** The API's field names; also the revision snapshot. */
  public static JsonObject toJson(ArticleText t) {
    return new JsonObject()
        .put("title", t.title())
        .put("subtitle", t.subtitle())
        .put("kicker", t.kicker())
        .put("summary", t.summary())
        .put("body", t.body())
        .put("source", t.source())
        .put("author", t.author())
        .put("province", t.region().province())
        .put("city", t.region().city())
        .put("district", t.region().district())
        .put("tags", new JsonArray(new ArrayList<>(t.tags())))
        .put("published_at", t.publishedAt() == null ? null : t.publishedAt().toString())
        .put("date_precision", t.datePrecision().code());
  }

  /** The form's fields as text, to fill the edit form. */
  public static Map<String, String> toForm(ArticleText t) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("title", t.title());
    f.put("subtitle", t.subtitle());
    f.put("kicker", t.kicker());
    f.put("summary", t.summary());
    f.put("body", t.body());
    f.put("source", t.source());
    f.put("author", t.author());
    f.put("province", t.region().province());
    f.put("city", t.region().city());
    f.put("district", t.region().district());
    f.put("tags", String.join("，", t.tags()));
    f.put(
        "date",
        t.publishedAt() == null
            ? ""
            : t.publishedAt().atZoneSameInstant(Zones.CHINA).toLocalDate().toString());
    f.put("date_precision", t.datePrecision().code());
    return f;
  }
}

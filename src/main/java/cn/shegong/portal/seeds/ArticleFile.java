package cn.shegong.portal.seeds;

import cn.shegong.portal.common.DatePrecision;
import cn.shegong.portal.common.Region;
import cn.shegong.portal.common.Zones;
import cn.shegong.portal.news.ArticleDraft;
import cn.shegong.portal.news.ArticleStatus;
import cn.shegong.portal.news.ArticleText;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads a seed article: `key: value` front matter between two `---` lines, then paragraphs. */
final class ArticleFile {
  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,119}");
  private static final List<String> REQUIRED = List.of("slug", "title", "date");

  /** Either a draft or the problem that stopped it. */
  record Result(ArticleDraft draft, SeedProblem problem) {}

  private ArticleFile() {}

  static Result parse(String fileName, String text) {
    String[] lines = text.replace("\r\n", "\n").split("\n", -1);
    if (lines.length == 0 || !lines[0].strip().equals("---")) {
      return fail(fileName, 1, "文件应以 --- 开始的文章信息（front matter）开头");
    }
    Map<String, String> meta = new HashMap<>();
    Map<String, Integer> lineOf = new HashMap<>();
    int end = -1;
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.strip().equals("---")) {
        end = i;
        break;
      }
      if (line.isBlank()) continue;
      int colon = line.indexOf(':');
      if (colon <= 0) return fail(fileName, i + 1, "应为“键: 值”格式：" + line.strip());
      String key = line.substring(0, colon).strip();
      meta.put(key, line.substring(colon + 1).strip());
      lineOf.put(key, i + 1);
    }
    if (end < 0) return fail(fileName, lines.length, "文章信息缺少结尾的 ---");
    for (String key : REQUIRED) {
      if (meta.getOrDefault(key, "").isEmpty()) return fail(fileName, end + 1, "缺少必填项 " + key);
    }
    String slug = meta.get("slug");
    if (!SLUG.matcher(slug).matches())
      return fail(fileName, lineOf.get("slug"), "slug 只能含小写字母、数字和连字符");
    LocalDate date;
    try {
      date = LocalDate.parse(meta.get("date"));
    } catch (DateTimeParseException e) {
      return fail(fileName, lineOf.get("date"), "date 应为 YYYY-MM-DD：" + meta.get("date"));
    }
    DatePrecision precision;
    try {
      precision = DatePrecision.fromCode(meta.get("date_precision"));
    } catch (IllegalArgumentException e) {
      return fail(
          fileName,
          lineOf.getOrDefault("date_precision", end + 1),
          "date_precision 应为 day、month 或 year");
    }
    String body = String.join("\n", Arrays.asList(lines).subList(end + 1, lines.length)).strip();
    if (body.isEmpty()) return fail(fileName, end + 2, "正文为空");
    ArticleDraft draft =
        new ArticleDraft(
            slug,
            new ArticleText(
                meta.get("title"),
                v(meta, "subtitle"),
                v(meta, "kicker"),
                v(meta, "summary"),
                body,
                v(meta, "source"),
                v(meta, "author"),
                new Region(v(meta, "province"), v(meta, "city"), v(meta, "district")),
                list(meta, "tags"),
                date.atTime(LocalTime.of(8, 0)).atZone(Zones.CHINA).toOffsetDateTime(),
                precision),
            ArticleStatus.PUBLISHED,
            v(meta, "note"),
            list(meta, "stations"));
    return new Result(draft, null);
  }

  private static Result fail(String file, int line, String message) {
    return new Result(null, new SeedProblem(file, line, message));
  }

  private static String v(Map<String, String> meta, String key) {
    return meta.getOrDefault(key, "");
  }

  private static List<String> list(Map<String, String> meta, String key) {
    return Arrays.stream(v(meta, key).split("[,，、]"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}

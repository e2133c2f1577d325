package cn.shegong.portal.news;

import java.util.Arrays;
import java.util.List;

/**
 * Splits plain-text bodies into paragraphs: blank lines separate them, single line breaks are kept
 * inside.
 */
public final class Paragraphs {
  private Paragraphs() {}

  public static List<String> split(String body) {
    if (body == null || body.isBlank()) return List.of();
    return Arrays.stream(body.replace("\r\n", "\n").split("\n\\s*\n"))
        .map(String::strip)
        .filter(p -> !p.isEmpty())
        .toList();
  }
}

package cn.shegong.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Templates name static files")
class TemplateAssetUrlsTest {
  private static final Pattern PLAIN_STATIC = Pattern.compile("(?:href|src)=\"/static/");

  @Test
  @DisplayName(
      "only through asset.url, so every page (desk pages too) gets the hashed, long-cached URL")
  void noPlainStaticUrls() throws Exception {
    List<String> plain;
    try (Stream<Path> files = Files.walk(Path.of("templates"))) {
      plain =
          files
              .filter(f -> f.toString().endsWith(".ftlh"))
              .filter(f -> PLAIN_STATIC.matcher(read(f)).find())
              .map(Path::toString)
              .sorted()
              .toList();
    }
    assertEquals(List.of(), plain);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

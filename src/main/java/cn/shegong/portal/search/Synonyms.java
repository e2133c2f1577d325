package cn.shegong.portal.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Query-time synonyms read from a Solr-format file; every term is folded like indexed text. */
public final class Synonyms {
  public static final String BUILT_IN = "/search/synonyms.txt";

  private final Map<String, Set<String>> expansions;

  private Synonyms(Map<String, Set<String>> expansions) {
    this.expansions = expansions;
  }

  /** The configured file, else the one shipped in the jar. */
  public static Synonyms load(Optional<Path> override) throws IOException {
    return parse(text(override));
  }

  /** The text of the configured file, else of the one shipped in the jar. */
  public static String text(Optional<Path> override) throws IOException {
    if (override.isPresent()) return Files.readString(override.get(), StandardCharsets.UTF_8);
    try (InputStream in = Synonyms.class.getResourceAsStream(BUILT_IN)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  public static Synonyms parse(String text) {
    Map<String, Set<String>> map = new HashMap<>();
    int lineNo = 0;
    for (String raw : text.split("\n")) {
      lineNo++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      String[] sides = line.split("=>", -1);
      if (sides.length > 2)
        throw new IllegalArgumentException("synonyms line " + lineNo + ": more than one =>");
      List<String> left = terms(sides[0]);
      List<String> right = sides.length == 2 ? terms(sides[1]) : left;
      if (left.isEmpty() || right.isEmpty()) {
        throw new IllegalArgumentException("synonyms line " + lineNo + ": empty side in: " + line);
      }
      for (String from : left) {
        Set<String> to = map.computeIfAbsent(from, k -> new LinkedHashSet<>(List.of(k)));
        to.addAll(right);
        if (sides.length == 2 && !right.contains(from)) to.remove(from);
      }
    }
    return new Synonyms(map);
  }

  /** The word itself (unless an explicit mapping replaces it) and everything it stands for. */
  public Set<String> expand(String word) {
    Set<String> s = expansions.get(word);
    return s == null ? Set.of(word) : s;
  }

  /** Every term the file mentions: the segmenter keeps these whole. */
  public Set<String> terms() {
    Set<String> all = new LinkedHashSet<>(expansions.keySet());
    expansions.values().forEach(all::addAll);
    return all;
  }

  private static List<String> terms(String side) {
    return Arrays.stream(side.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(TextNormalizer::normalize)
        .toList();
  }
}

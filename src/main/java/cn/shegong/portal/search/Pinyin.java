package cn.shegong.portal.search;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Toneless pinyin for Han characters (ICU's Han-Latin), and splitting of typed pinyin into
 * syllables.
 */
public final class Pinyin {
  private static final Transliterator HAN_LATIN =
      Transliterator.getInstance("Han-Latin; Latin-ASCII");
  private static final ConcurrentHashMap<Character, String> CACHE = new ConcurrentHashMap<>();
  private static final Set<String> SYLLABLES = loadSyllables();
  private static final int LONGEST = 6;

  private Pinyin() {}

  /** The syllable of one Han character, e.g. 淄 → "zi"; empty when ICU has no reading. */
  public static String of(char han) {
    return CACHE.computeIfAbsent(
        han,
        c -> {
          String s;
          synchronized (HAN_LATIN) {
            s = HAN_LATIN.transliterate(String.valueOf(c));
          }
          return s.matches("[a-z]+") ? s : "";
        });
  }

  /** One syllable per Han character of already normalised text, other characters skipped. */
  public static List<String> syllables(String normalized) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < normalized.length(); i++) {
      char c = normalized.charAt(i);
      if (TextNormalizer.isHan(c)) {
        String s = of(c);
        if (!s.isEmpty()) out.add(s);
      }
    }
    return out;
  }

  /**
   * Splits typed pinyin ("jiading") into syllables ("jia", "ding"), preferring the fewest
   * syllables; empty when the letters are not a sequence of pinyin syllables.
   */
  public static Optional<List<String>> split(String letters) {
    int n = letters.length();
    if (n == 0 || n > 60) return Optional.empty();
    int[] best = new int[n + 1];
    int[] from = new int[n + 1];
    java.util.Arrays.fill(best, Integer.MAX_VALUE);
    best[0] = 0;
    for (int end = 1; end <= n; end++) {
      for (int len = 1; len <= LONGEST && len <= end; len++) {
        int start = end - len;
        if (best[start] == Integer.MAX_VALUE || !SYLLABLES.contains(letters.substring(start, end)))
          continue;
        // a syllable starting with a vowel after another one is an unusual reading (xian, not
        // xi'an)
        int cost =
            best[start] + 1 + (start > 0 && "aeo".indexOf(letters.charAt(start)) >= 0 ? 1 : 0);
        if (cost < best[end]) {
          best[end] = cost;
          from[end] = start;
        }
      }
    }
    if (best[n] == Integer.MAX_VALUE) return Optional.empty();
    List<String> out = new ArrayList<>();
    for (int end = n; end > 0; end = from[end]) out.add(0, letters.substring(from[end], end));
    return Optional.of(out);
  }

  private static Set<String> loadSyllables() {
    try (InputStream in = Pinyin.class.getResourceAsStream("/search/pinyin-syllables.txt")) {
      Set<String> set = new HashSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("#")) continue;
        for (String s : line.strip().split("\\s+")) if (!s.isEmpty()) set.add(s);
      }
      return Set.copyOf(set);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

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

  /**
   * Other readings of characters that place names read differently (多音字): 六安 lù'ān, 蚌埠 bèngbù, 番禺
   * pānyú, 乐清 yuèqīng, 厦门 xiàmén; ICU gives one reading per character.
   */
  private static final java.util.Map<Character, List<String>> OTHER_READINGS =
      java.util.Map.ofEntries(
          java.util.Map.entry('六', List.of("lu")),
          java.util.Map.entry('蚌', List.of("beng", "bang")),
          java.util.Map.entry('番', List.of("pan", "fan")),
          java.util.Map.entry('乐', List.of("le", "yue", "lao")),
          java.util.Map.entry('厦', List.of("xia", "sha")),
          java.util.Map.entry('长', List.of("chang", "zhang")),
          java.util.Map.entry('重', List.of("chong", "zhong")),
          java.util.Map.entry('行', List.of("xing", "hang")),
          java.util.Map.entry('单', List.of("shan", "dan")),
          java.util.Map.entry('莘', List.of("shen", "xin")),
          java.util.Map.entry('铅', List.of("yan", "qian")),
          java.util.Map.entry('会', List.of("kuai", "hui")),
          java.util.Map.entry('朝', List.of("chao", "zhao")),
          java.util.Map.entry('大', List.of("da", "dai")),
          java.util.Map.entry('藏', List.of("zang", "cang")),
          java.util.Map.entry('和', List.of("he", "huo")),
          java.util.Map.entry('浚', List.of("xun", "jun")),
          java.util.Map.entry('阿', List.of("a", "e")),
          java.util.Map.entry('荥', List.of("xing", "ying")),
          java.util.Map.entry('埔', List.of("pu", "bu")),
          java.util.Map.entry('涡', List.of("guo", "wo")),
          java.util.Map.entry('歙', List.of("she", "xi")),
          java.util.Map.entry('枞', List.of("zong", "cong")),
          java.util.Map.entry('犍', List.of("qian", "jian")),
          java.util.Map.entry('宿', List.of("su", "xiu")),
          java.util.Map.entry('解', List.of("xie", "jie")),
          java.util.Map.entry('尉', List.of("yu", "wei")),
          java.util.Map.entry('曲', List.of("qu")),
          java.util.Map.entry('沈', List.of("shen")),
          java.util.Map.entry('洞', List.of("dong", "tong")),
          java.util.Map.entry('石', List.of("shi", "dan")),
          java.util.Map.entry('济', List.of("ji")),
          java.util.Map.entry('丽', List.of("li")),
          java.util.Map.entry('句', List.of("ju", "gou")),
          java.util.Map.entry('栎', List.of("li", "yue")));

  /** Every toneless reading of a character: ICU's, and the place-name ones it does not give. */
  public static List<String> readings(char han) {
    List<String> out = new ArrayList<>();
    String first = of(han);
    if (!first.isEmpty()) out.add(first);
    for (String r : OTHER_READINGS.getOrDefault(han, List.of())) if (!out.contains(r)) out.add(r);
    return out;
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

package cn.shegong.portal.search;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds text so that 醫務社工, ＳＨＥＧＯＮＧ and 医务社工 / shegong meet: NFKC width folding, traditional to
 * simplified, lower case. The mapping is char for char, so the folded string keeps the original's
 * offsets (snippets highlight the original text at the positions found in the folded one).
 */
public final class TextNormalizer {
  private static final Transliterator TO_SIMPLIFIED =
      Transliterator.getInstance("Traditional-Simplified");
  // every char's folded form, 0 until first seen; racing threads store the same value (no boxing,
  // no map)
  private static final char[] FOLDED = new char[Character.MAX_VALUE + 1];

  private TextNormalizer() {}

  public static String normalize(String text) {
    if (text == null || text.isEmpty()) return "";
    char[] out = new char[text.length()];
    for (int i = 0; i < out.length; i++) out[i] = fold(text.charAt(i));
    return new String(out);
  }

  static char fold(char c) {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
    if (Character.isSurrogate(c)) return c;
    char folded = FOLDED[c];
    if (folded == 0) FOLDED[c] = folded = foldSlow(c);
    return folded;
  }

  private static char foldSlow(char c) {
    String s = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
    if (s.length() != 1) s = String.valueOf(c);
    String simplified;
    synchronized (TO_SIMPLIFIED) { // ICU transliterators are not documented as thread-safe
      simplified = TO_SIMPLIFIED.transliterate(s);
    }
    if (simplified.length() == 1) s = simplified;
    return s.toLowerCase(Locale.ROOT).length() == 1
        ? s.toLowerCase(Locale.ROOT).charAt(0)
        : s.charAt(0);
  }

  public static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }
}

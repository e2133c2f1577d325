package cn.shegong.portal.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Splits what a reader typed into words, taking every character literally: anything that is not a
 * letter or digit separates words (so Lucene syntax never reaches a parser). A run of Han
 * characters is cut into words by the domain dictionary first (longest match), then by SmartCN;
 * characters SmartCN leaves alone (济|阳|区) are joined again, because an unknown name is better
 * matched whole than as loose characters.
 */
public final class QueryWords {
  public enum Kind {
    HAN,
    LATIN
  }

  /**
   * One word of the query; {@code run} numbers the unbroken stretch of text it came from. A name
   * read as one unit (see {@link Units}) keeps the words it was typed as in {@code parts}, whose
   * synonyms give its other forms; any other word has none.
   */
  public record Word(String text, Kind kind, int run, List<String> parts) {
    public Word(String text, Kind kind, int run) {
      this(text, kind, run, List.of());
    }
  }

  public static final int MAX_WORDS = 32;

  private final Set<String> dictionary;
  private final int longestEntry;

  public QueryWords(Set<String> dictionary) {
    this.dictionary = Set.copyOf(dictionary);
    this.longestEntry = dictionary.stream().mapToInt(String::length).max().orElse(1);
  }

  public List<Word> split(String raw) {
    String text = TextNormalizer.normalize(raw);
    List<Word> words = new ArrayList<>();
    int run = 0;
    int i = 0;
    while (i < text.length() && words.size() < MAX_WORDS) {
      char c = text.charAt(i);
      if (TextNormalizer.isHan(c)) {
        int end = i;
        while (end < text.length() && TextNormalizer.isHan(text.charAt(end))) end++;
        for (String w : segment(text.substring(i, end))) words.add(new Word(w, Kind.HAN, run));
        i = end;
        if (i >= text.length() || !Character.isLetterOrDigit(text.charAt(i))) run++;
      } else if (Character.isLetterOrDigit(c)) {
        int end = i;
        while (end < text.length()
            && Character.isLetterOrDigit(text.charAt(end))
            && !TextNormalizer.isHan(text.charAt(end))) end++;
        words.add(new Word(text.substring(i, end), Kind.LATIN, run));
        i = end;
        if (i >= text.length() || !TextNormalizer.isHan(text.charAt(i))) run++;
      } else {
        i++;
      }
    }
    return words.size() > MAX_WORDS ? words.subList(0, MAX_WORDS) : words;
  }

  List<String> segment(String han) {
    List<String> out = new ArrayList<>();
    StringBuilder rest = new StringBuilder();
    int i = 0;
    while (i < han.length()) {
      int len = Math.min(longestEntry, han.length() - i);
      while (len > 1 && !dictionary.contains(han.substring(i, i + len))) len--;
      if (len > 1) {
        flush(rest, out);
        out.add(han.substring(i, i + len));
        i += len;
      } else {
        rest.append(han.charAt(i++));
      }
    }
    flush(rest, out);
    return out;
  }

  private static void flush(StringBuilder rest, List<String> out) {
    if (rest.isEmpty()) return;
    StringBuilder singles = new StringBuilder();
    for (String w : smartcn(rest.toString())) {
      if (w.length() == 1) {
        singles.append(w);
        continue;
      }
      if (!singles.isEmpty()) out.add(singles.toString());
      singles.setLength(0);
      out.add(w);
    }
    if (!singles.isEmpty()) out.add(singles.toString());
    rest.setLength(0);
  }

  private static List<String> smartcn(String han) {
    List<String> out = new ArrayList<>();
    try (HMMChineseTokenizer tokenizer = new HMMChineseTokenizer()) {
      tokenizer.setReader(new StringReader(han));
      CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
      tokenizer.reset();
      while (tokenizer.incrementToken()) out.add(term.toString());
      tokenizer.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}

package cn.shegong.portal.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * "您是不是要找": when a query finds nothing (or only partly), names and dictionary words the index
 * already holds that read the same (pinyin, with the other readings of 多音字 place names), or differ
 * by one character. Never a word the index does not have.
 */
final class DidYouMean {
  static final int MAX = 3;

  private final Set<String> dictionary;

  DidYouMean(Set<String> dictionary) {
    this.dictionary = Set.copyOf(dictionary);
  }

  private record Candidate(String text, int rank, int docFreq) {}

  List<String> suggest(IndexReader reader, String raw) throws IOException {
    String folded = TextNormalizer.normalize(raw == null ? "" : raw);
    StringBuilder han = new StringBuilder();
    StringBuilder latin = new StringBuilder();
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (TextNormalizer.isHan(c)) han.append(c);
      else if (c >= 'a' && c <= 'z') latin.append(c);
      else if (Character.isLetterOrDigit(c)) return List.of();
    }
    if (!han.isEmpty() && !latin.isEmpty()) return List.of();
    String q = han.isEmpty() ? latin.toString() : han.toString();
    if (q.length() < 2 || q.length() > Names.MAX * 6) return List.of();
    List<Candidate> found = new ArrayList<>();
    Terms names = MultiTerms.getTerms(reader, SearchFields.NAMES);
    if (names != null) {
      TermsEnum te = names.iterator();
      for (BytesRef t = te.next(); t != null; t = te.next()) {
        String name = t.utf8ToString();
        int rank = rank(q, han.isEmpty(), name);
        if (rank > 0) found.add(new Candidate(name, rank, te.docFreq()));
      }
    }
    for (String word : dictionary) {
      if (found.stream().anyMatch(c -> c.text().equals(word))) continue;
      int rank = rank(q, han.isEmpty(), word);
      if (rank > 0 && inIndex(reader, word)) found.add(new Candidate(word, rank, 1));
    }
    return found.stream()
        .sorted(
            Comparator.comparingInt(Candidate::rank)
                .reversed()
                .thenComparing(Comparator.comparingInt(Candidate::docFreq).reversed())
                .thenComparing(Candidate::text))
        .map(Candidate::text)
        .distinct()
        .limit(MAX)
        .toList();
  }

  /** 3: reads the same; 2: one character replaced; 1: one character more or less; 0: no. */
  static int rank(String q, boolean pinyin, String name) {
    if (name.equals(q)) return 0;
    if (pinyin) return name.length() <= q.length() && readsAs(q, 0, name, 0) ? 3 : 0;
    if (name.length() == q.length()) {
      if (sameSound(q, name)) return 3;
      int diff = 0;
      for (int i = 0; i < q.length(); i++) if (q.charAt(i) != name.charAt(i)) diff++;
      return diff == 1 ? 2 : 0;
    }
    if (q.length() >= 3 && Math.abs(name.length() - q.length()) == 1) {
      String longer = name.length() > q.length() ? name : q;
      String shorter = name.length() > q.length() ? q : name;
      for (int i = 0; i < longer.length(); i++)
        if ((longer.substring(0, i) + longer.substring(i + 1)).equals(shorter)) return 1;
    }
    return 0;
  }

  /** Whether typed letters are the name read aloud, any reading of each character. */
  private static boolean readsAs(String letters, int at, String name, int i) {
    if (i == name.length()) return at == letters.length();
    for (String r : Pinyin.readings(name.charAt(i)))
      if (letters.startsWith(r, at) && readsAs(letters, at + r.length(), name, i + 1)) return true;
    return false;
  }

  /** Homophones, character by character (江侨镇 → 江桥镇). */
  private static boolean sameSound(String a, String b) {
    for (int i = 0; i < a.length(); i++) {
      if (a.charAt(i) == b.charAt(i)) continue;
      List<String> ra = Pinyin.readings(a.charAt(i));
      if (ra.isEmpty() || Pinyin.readings(b.charAt(i)).stream().noneMatch(ra::contains))
        return false;
    }
    return true;
  }

  private static boolean inIndex(IndexReader reader, String word) throws IOException {
    if (word.length() > HanGrams.MAX) return false;
    for (String field : List.of(SearchFields.TITLE, SearchFields.BODY)) {
      String f = word.length() <= 2 ? field : HanGrams.field(field);
      if (reader.docFreq(new org.apache.lucene.index.Term(f, word)) > 0) return true;
    }
    return false;
  }
}

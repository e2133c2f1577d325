package cn.shegong.portal.search;

import static cn.shegong.portal.search.SearchFields.*;

import cn.shegong.portal.search.QueryWords.Kind;
import cn.shegong.portal.search.QueryWords.Word;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;

/**
 * Names typed as several words are one unit: 社会工作学院 (社会工作|学院), 湖北省肿瘤医院, 江桥镇, 复元同行. Words typed
 * together (no space) are read as one name when the index knows it as a name ({@link Names}), or
 * when they end like an institution or a place does (学院, 医院, 中心, 街道, 镇 …) and the whole stands
 * together somewhere in the index. The strict search then wants the name itself (or a synonym of
 * one of its parts in its place: 社工学院), never its parts in different sentences; a name that stands
 * together nowhere stays words, so nothing is lost that was found before.
 */
final class Units {
  static final List<String> SUFFIXES =
      List.of(
          "学院", "大学", "医院", "中心", "协会", "学会", "基金会", "研究院", "研究所", "委员会", "联合会", "促进会", "事务所",
          "服务社", "社工站", "服务站", "工作站", "街道", "社区", "学校", "中学", "小学", "幼儿园", "养老院", "福利院", "敬老院",
          "卫生院", "医科", "镇", "乡", "村", "县", "区", "市", "省", "州", "旗", "盟", "院", "站", "馆", "局", "所",
          "厅", "部", "系", "队");

  /** Forms of a unit at most: each one is a phrase in three fields. */
  static final int MAX_FORMS = 6;

  /** A name is at most this many typed words and {@link Names#MAX} characters. */
  static final int MAX_PARTS = 6;

  /** Index lookups one query may spend on finding its names (hostile input stays cheap). */
  static final int MAX_CHECKS = 24;

  private final Synonyms synonyms;

  Units(Synonyms synonyms) {
    this.synonyms = synonyms;
  }

  /** The words with every name in them merged into one word (the longest from the left first). */
  List<Word> merge(IndexSearcher searcher, List<Word> words) throws IOException {
    List<Word> out = new ArrayList<>();
    int checks = 0;
    int i = 0;
    while (i < words.size()) {
      Word w = words.get(i);
      int runEnd = i;
      while (runEnd < words.size()
          && words.get(runEnd).kind() == Kind.HAN
          && words.get(runEnd).run() == w.run()) runEnd++;
      int merged = -1;
      for (int j = Math.min(runEnd, i + MAX_PARTS); j >= i + 2 && merged < 0; j--) {
        List<Word> span = words.subList(i, j);
        List<String> parts = span.stream().map(Word::text).toList();
        String joined = String.join("", parts);
        if (joined.length() > Names.MAX || checks >= MAX_CHECKS) continue;
        if (!looksLikeName(searcher, joined)) continue;
        checks++;
        if (standsTogether(searcher, forms(synonyms, parts))) {
          out.add(new Word(joined, Kind.HAN, w.run(), parts));
          merged = j;
        }
      }
      if (merged < 0) {
        out.add(w);
        i++;
      } else {
        i = merged;
      }
    }
    // nothing merged: the same list, so callers can tell
    return out.size() == words.size() ? words : out;
  }

  private static boolean looksLikeName(IndexSearcher searcher, String joined) throws IOException {
    if (joined.length() < 3) return false;
    if (searcher.getIndexReader().docFreq(new Term(NAMES, joined)) > 0) return true;
    for (String s : SUFFIXES) if (joined.endsWith(s) && joined.length() > s.length()) return true;
    return false;
  }

  /** Whether any form stands, characters together, in some title, text or place. */
  private static boolean standsTogether(IndexSearcher searcher, List<String> forms)
      throws IOException {
    for (String f : forms) {
      for (String field : List.of(TITLE, BODY, REGION_TEXT)) {
        boolean found =
            f.length() <= HanGrams.MAX
                ? searcher
                        .getIndexReader()
                        .docFreq(new Term(f.length() <= 2 ? field : HanGrams.field(field), f))
                    > 0
                : searcher.count(HanGrams.query(field, f)) > 0;
        if (found) return true;
      }
    }
    return false;
  }

  /**
   * The name as typed, then with synonyms of its parts in their places (社会工作学院, 社工学院, …), at most
   * {@link #MAX_FORMS}.
   */
  static List<String> forms(Synonyms synonyms, List<String> parts) {
    Set<String> out = new LinkedHashSet<>();
    out.add(String.join("", parts));
    List<String> prefixes = List.of("");
    for (String part : parts) {
      List<String> next = new ArrayList<>();
      List<String> options = new ArrayList<>(List.of(part));
      for (String s : synonyms.expand(part)) if (!options.contains(s)) options.add(s);
      for (String p : prefixes)
        for (String o : options) if (next.size() < MAX_FORMS * 4) next.add(p + o);
      prefixes = next;
    }
    for (String p : prefixes) if (out.size() < MAX_FORMS) out.add(p);
    return List.copyOf(out);
  }
}

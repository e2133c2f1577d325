package cn.shegong.portal.search;

import static cn.shegong.portal.search.SearchFields.*;

import cn.shegong.portal.search.QueryWords.Kind;
import cn.shegong.portal.search.QueryWords.Word;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * Search-as-you-type over titles, station names and regions. Han input matches titles like a search
 * does; Latin letters are read as pinyin whose last syllable may still be unfinished ("jiad" → 嘉定),
 * or as initials.
 */
public final class Suggester {
  public record Suggestion(String text, String url, String type) {}

  private final SearchEngine engine;

  public Suggester(SearchEngine engine) {
    this.engine = engine;
  }

  public List<Suggestion> suggest(IndexSearcher searcher, String input, int limit)
      throws IOException {
    String q = input == null ? "" : input.strip();
    if (q.isEmpty() || q.length() > SearchRequest.MAX_QUERY_LENGTH) return List.of();
    List<Word> words = engine.words(q);
    if (words.isEmpty()) return List.of();
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (Word w : words) all.add(titleOrRegion(w), Occur.MUST);
    ScoreDoc[] docs = searcher.search(all.build(), limit * 3).scoreDocs;
    StoredFields stored = searcher.storedFields();
    Map<String, Suggestion> out = new LinkedHashMap<>();
    List<Suggestion> regions = new ArrayList<>();
    for (ScoreDoc sd : docs) {
      var doc = stored.document(sd.doc);
      String type = doc.get(TYPE);
      String url = SearchFields.url(type, doc.get(SLUG));
      out.putIfAbsent(doc.get(TITLE), new Suggestion(doc.get(TITLE), url, type));
      String region = doc.get(REGION);
      if (region != null
          && !region.isEmpty()
          && regions.stream().noneMatch(r -> r.text().equals(region))) {
        regions.add(
            new Suggestion(
                region,
                "/search?q="
                    + java.net.URLEncoder.encode(region, java.nio.charset.StandardCharsets.UTF_8)
                    + "&type=stations",
                "region"));
      }
    }
    List<Suggestion> result = new ArrayList<>(out.values().stream().limit(limit).toList());
    regions.stream().limit(Math.max(1, limit - result.size())).forEach(result::add);
    return result;
  }

  private Query titleOrRegion(Word w) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (w.kind() == Kind.HAN) {
      b.add(new BoostQuery(HanGrams.query(TITLE, w.text()), 2f), Occur.SHOULD);
      b.add(HanGrams.query(REGION_TEXT, w.text()), Occur.SHOULD);
      return b.build();
    }
    String t = w.text();
    b.add(
        new PrefixQuery(new Term(TITLE, t), PrefixQuery.CONSTANT_SCORE_BLENDED_REWRITE),
        Occur.SHOULD);
    if (t.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
      pinyinPrefix(TITLE_PINYIN, t).ifPresent(q -> b.add(new BoostQuery(q, 2f), Occur.SHOULD));
      pinyinPrefix(REGION_PINYIN, t).ifPresent(q -> b.add(q, Occur.SHOULD));
      if (t.length() >= 2 && t.length() <= 12) {
        b.add(initials(TITLE_INITIALS, t), Occur.SHOULD);
        b.add(initials(REGION_INITIALS, t), Occur.SHOULD);
      }
    }
    return b.build();
  }

  /**
   * Whole syllables then an unfinished one: the longest prefix that splits, the rest as a prefix
   * term.
   */
  private static java.util.Optional<Query> pinyinPrefix(String field, String letters) {
    for (int cut = letters.length(); cut >= 0; cut--) {
      String done = letters.substring(0, cut);
      String rest = letters.substring(cut);
      var syllables = cut == 0 ? java.util.Optional.of(List.<String>of()) : Pinyin.split(done);
      if (syllables.isEmpty()) continue;
      List<SpanQuery> parts = new ArrayList<>();
      syllables.get().forEach(s -> parts.add(new SpanTermQuery(new Term(field, s))));
      if (!rest.isEmpty()) {
        var prefix = new SpanMultiTermQueryWrapper<>(new PrefixQuery(new Term(field, rest)));
        prefix.setRewriteMethod(new SpanMultiTermQueryWrapper.TopTermsSpanBooleanQueryRewrite(64));
        parts.add(prefix);
      }
      if (parts.isEmpty()) return java.util.Optional.empty();
      return java.util.Optional.of(
          parts.size() == 1
              ? parts.get(0)
              : new SpanNearQuery(parts.toArray(SpanQuery[]::new), 0, true));
    }
    return java.util.Optional.empty();
  }

  private static Query initials(String field, String letters) {
    SpanQuery[] parts =
        letters
            .chars()
            .mapToObj(c -> (SpanQuery) new SpanTermQuery(new Term(field, String.valueOf((char) c))))
            .toArray(SpanQuery[]::new);
    return parts.length == 1 ? parts[0] : new SpanNearQuery(parts, 0, true);
  }
}

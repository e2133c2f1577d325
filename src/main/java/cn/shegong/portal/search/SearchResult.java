package cn.shegong.portal.search;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param partial true when nothing matched every word and these hits match only some of them
 * @param timedOut true when the searcher's time limit cut the search short
 * @param capped true when counting stopped at {@link SearchEngine#COUNT_LIMIT}: total is a lower
 *     bound (“10,000+”) and each facet's counts are those among the first matches in index order
 * @param notice said to the reader when only the first words of a long query were searched for;
 *     null otherwise
 * @param didYouMean when nothing (or only part) matched: names and words the index holds that read
 *     the same or differ by one character ("您是不是要找"); empty otherwise
 */
public record SearchResult(
    SearchRequest request,
    long total,
    boolean capped,
    boolean partial,
    boolean timedOut,
    List<SearchHit> hits,
    Map<String, Map<String, Long>> facets,
    String notice,
    List<String> didYouMean) {
  SearchResult with(List<String> alternatives) {
    return new SearchResult(
        request, total, capped, partial, timedOut, hits, facets, notice, alternatives);
  }
}

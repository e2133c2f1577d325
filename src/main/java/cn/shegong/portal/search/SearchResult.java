package cn.shegong.portal.search;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param partial true when nothing matched every word and these hits match only some of them
 * @param timedOut true when the searcher's time limit cut the search short
 */
public record SearchResult(
    SearchRequest request,
    long total,
    boolean partial,
    boolean timedOut,
    List<SearchHit> hits,
    Map<String, Map<String, Long>> facets) {}

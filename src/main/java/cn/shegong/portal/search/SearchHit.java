package cn.shegong.portal.search;

/**
 * One hit. {@code title} and {@code snippet} are plain text; their marked forms are {@link
 * Snippet}s.
 *
 * @param synthetic generated benchmark content, labelled as such wherever it is shown
 */
public record SearchHit(
    String type,
    long id,
    String slug,
    String title,
    String url,
    Snippet titleMarked,
    Snippet snippet,
    String region,
    String kind,
    String date,
    boolean synthetic,
    float score) {}

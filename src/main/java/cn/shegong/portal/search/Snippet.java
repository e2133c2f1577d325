package cn.shegong.portal.search;

import static cn.shegong.portal.common.Html.escape;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A passage of a hit with the query's words marked. Kept as plain segments: the template and {@link
 * #html()} escape each segment themselves, so nothing from the content or the query is ever emitted
 * as markup.
 */
public record Snippet(List<Segment> segments) {
  public record Segment(String text, boolean hit) {}

  static final int WINDOW = 110;
  static final int LEAD = 24;

  public String text() {
    StringBuilder sb = new StringBuilder();
    segments.forEach(s -> sb.append(s.text()));
    return sb.toString();
  }

  public String html() {
    StringBuilder sb = new StringBuilder();
    for (Segment s : segments) {
      if (s.hit()) sb.append("<mark>").append(escape(s.text())).append("</mark>");
      else sb.append(escape(s.text()));
    }
    return sb.toString();
  }

  /** The whole text with the terms marked (titles). */
  public static Snippet whole(String original, Collection<String> terms) {
    return mark(original, TextNormalizer.normalize(original), terms, 0, original.length());
  }

  /** The window of the text where most distinct terms occur. */
  public static Snippet best(String original, Collection<String> terms) {
    String text = original.replaceAll("\\s+", " ").strip();
    String folded = TextNormalizer.normalize(text);
    int bestStart = 0;
    int bestScore = -1;
    for (String term : terms) {
      for (int at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) {
        int start = Math.max(0, at - LEAD);
        int score = distinctIn(folded, terms, start, Math.min(folded.length(), start + WINDOW));
        if (score > bestScore) {
          bestScore = score;
          bestStart = start;
        }
      }
    }
    int end = Math.min(text.length(), bestStart + WINDOW);
    Snippet s = mark(text, folded, terms, bestStart, end);
    List<Segment> parts = new ArrayList<>(s.segments());
    if (bestStart > 0) parts.add(0, new Segment("…", false));
    if (end < text.length()) parts.add(new Segment("…", false));
    return new Snippet(parts);
  }

  private static int distinctIn(String folded, Collection<String> terms, int start, int end) {
    Set<String> found = new HashSet<>();
    String window = folded.substring(start, end);
    for (String t : terms) if (window.contains(t)) found.add(t);
    return found.size();
  }

  private static Snippet mark(
      String text, String folded, Collection<String> terms, int start, int end) {
    boolean[] marked = new boolean[end - start];
    for (String term : terms) {
      if (term.isEmpty()) continue;
      for (int at = folded.indexOf(term, start);
          at >= 0 && at < end;
          at = folded.indexOf(term, at + 1)) {
        for (int i = at; i < Math.min(end, at + term.length()); i++) marked[i - start] = true;
      }
    }
    List<Segment> parts = new ArrayList<>();
    int i = 0;
    while (i < marked.length) {
      int j = i;
      while (j < marked.length && marked[j] == marked[i]) j++;
      parts.add(new Segment(text.substring(start + i, start + j), marked[i]));
      i = j;
    }
    return new Snippet(parts);
  }
}

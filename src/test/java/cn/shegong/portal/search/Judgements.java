package cn.shegong.portal.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The relevance judgements of search-queries.tsv and the two measures its header defines. */
record Judgements(String set, String query, LinkedHashMap<String, Integer> phrases) {

  /** The project's judged set (a copy of ../shared/eval/search-queries.tsv). */
  static List<Judgements> load() throws IOException {
    return load("/search/search-queries.tsv");
  }

  /** Institution, project and place names, each to be found with precision 1.0. */
  static List<Judgements> names() throws IOException {
    return load("/search/name-queries.tsv");
  }

  static List<Judgements> load(String resource) throws IOException {
    try (InputStream in = Judgements.class.getResourceAsStream(resource)) {
      List<Judgements> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] cols = line.split("\t");
        LinkedHashMap<String, Integer> phrases = new LinkedHashMap<>();
        for (String pair : cols[2].split(";")) {
          int eq = pair.lastIndexOf('=');
          phrases.put(
              pair.substring(0, eq).strip(), Integer.parseInt(pair.substring(eq + 1).strip()));
        }
        out.add(new Judgements(cols[0].strip(), cols[1].strip(), phrases));
      }
      return out;
    }
  }

  /** The grade of the first listed phrase the article's full text contains, else 0. */
  int grade(String fullText) {
    for (Map.Entry<String, Integer> e : phrases.entrySet())
      if (fullText.contains(e.getKey())) return e.getValue();
    return 0;
  }

  /** nDCG@10 with gains 2^grade-1; the ideal ranking is the best grades of the whole collection. */
  static double ndcg(List<Integer> returned, List<Integer> allGrades) {
    List<Integer> ideal = allGrades.stream().sorted((a, b) -> b - a).toList();
    double idcg = dcg(ideal);
    return idcg == 0 ? 0 : dcg(returned) / idcg;
  }

  static double precision(List<Integer> returned) {
    List<Integer> top = returned.subList(0, Math.min(10, returned.size()));
    if (top.isEmpty()) return 0;
    return top.stream().filter(g -> g >= 1).count() / (double) top.size();
  }

  private static double dcg(List<Integer> grades) {
    double sum = 0;
    for (int i = 0; i < Math.min(10, grades.size()); i++) {
      sum += (Math.pow(2, grades.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
    }
    return sum;
  }
}

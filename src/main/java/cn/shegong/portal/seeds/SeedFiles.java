package cn.shegong.portal.seeds;

import cn.shegong.portal.common.Csv;
import cn.shegong.portal.news.ArticleDraft;
import cn.shegong.portal.stations.StationCsvFormat;
import cn.shegong.portal.stations.StationDraft;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything read from the seeds directory: what parsed, and what did not, with file and line.
 * Blocking I/O.
 */
record SeedFiles(
    List<ArticleDraft> articles, List<StationDraft> stations, List<SeedProblem> problems) {

  static SeedFiles read(Path seedsDir) {
    List<ArticleDraft> articles = new ArrayList<>();
    List<StationDraft> stations = new ArrayList<>();
    List<SeedProblem> problems = new ArrayList<>();
    Path articleDir = seedsDir.resolve("articles");
    if (Files.isDirectory(articleDir)) {
      try (Stream<Path> files = Files.list(articleDir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
          String name = seedsDir.relativize(f).toString();
          try {
            ArticleFile.Result r = ArticleFile.parse(name, readUtf8(f));
            if (r.draft() != null) articles.add(r.draft());
            else problems.add(r.problem());
          } catch (IOException e) {
            problems.add(new SeedProblem(name, 1, "无法读取（须为 UTF-8 文本）：" + e.getMessage()));
          }
        }
      } catch (IOException e) {
        problems.add(new SeedProblem("articles/", 0, "无法列出目录：" + e.getMessage()));
      }
    }
    Path csv = seedsDir.resolve("stations.csv");
    if (Files.isRegularFile(csv)) readStations(csv, stations, problems);
    reportUnknownStations(articles, stations, problems);
    return new SeedFiles(articles, stations, problems);
  }

  /** An article naming a station the CSV does not have would silently lose that link. */
  private static void reportUnknownStations(
      List<ArticleDraft> articles, List<StationDraft> stations, List<SeedProblem> problems) {
    var known =
        stations.stream().map(StationDraft::slug).collect(java.util.stream.Collectors.toSet());
    for (ArticleDraft a : articles) {
      for (String slug : a.stationSlugs()) {
        if (!known.contains(slug)) {
          problems.add(
              new SeedProblem(
                  "articles/" + a.slug() + ".md", 1, "stations 中的 " + slug + " 不在 stations.csv 中"));
        }
      }
    }
  }

  private static void readStations(Path csv, List<StationDraft> out, List<SeedProblem> problems) {
    String name = "stations.csv";
    List<Csv.Record> records;
    try {
      records = Csv.parse(readUtf8(csv));
    } catch (IOException e) {
      problems.add(new SeedProblem(name, 1, "无法读取（须为 UTF-8 文本）：" + e.getMessage()));
      return;
    } catch (Csv.MalformedCsv e) {
      problems.add(new SeedProblem(name, e.line(), e.getMessage()));
      return;
    }
    if (records.isEmpty()) return;
    List<String> header = records.get(0).fields().stream().map(String::strip).toList();
    List<String> missing = StationCsvFormat.missingColumns(header);
    if (!missing.isEmpty()) {
      problems.add(new SeedProblem(name, 1, "表头缺少列：" + String.join(", ", missing)));
      return;
    }
    for (Csv.Record rec : records.subList(1, records.size())) {
      if (rec.fields().size() != header.size()) {
        problems.add(
            new SeedProblem(
                name, rec.line(), "应有 " + header.size() + " 列，实际 " + rec.fields().size() + " 列"));
        continue;
      }
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.size(); i++) row.put(header.get(i), rec.fields().get(i));
      StationCsvFormat.Parsed parsed = StationCsvFormat.parse(row);
      if (parsed.ok()) out.add(parsed.draft());
      else problems.add(new SeedProblem(name, rec.line(), String.join("；", parsed.errors())));
    }
  }

  private static String readUtf8(Path f) throws IOException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(f)))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IOException("不是有效的 UTF-8", e);
    }
  }
}

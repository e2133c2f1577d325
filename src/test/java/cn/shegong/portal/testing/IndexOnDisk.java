package cn.shegong.portal.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The search index as a stopped (or killed) portal left it on disk: its live generation, checked by
 * Lucene.
 */
public final class IndexOnDisk {
  private IndexOnDisk() {}

  /** The generation the CURRENT pointer names (see docs/search.md). */
  public static Path liveGeneration(Path indexRoot) throws IOException {
    String name = Files.readString(indexRoot.resolve("CURRENT"), StandardCharsets.UTF_8).strip();
    return indexRoot.resolve(name);
  }

  /** Lucene's CheckIndex over the whole generation; answers null when clean, else its report. */
  public static String problems(Path generation) throws IOException {
    ByteArrayOutputStream report = new ByteArrayOutputStream();
    // CheckIndex takes the write lock: it also proves no process still holds the index open
    try (Directory dir = FSDirectory.open(generation);
        CheckIndex check = new CheckIndex(dir)) {
      check.setInfoStream(new PrintStream(report, true, StandardCharsets.UTF_8));
      CheckIndex.Status status = check.checkIndex();
      return status.clean ? null : report.toString(StandardCharsets.UTF_8);
    }
  }

  /** Documents in the last commit. */
  public static int committedDocs(Path generation) throws IOException {
    try (Directory dir = FSDirectory.open(generation);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      return reader.numDocs();
    }
  }

  /** Deletes the directory and everything under it, as an operator's rm -rf would. */
  public static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList())
        Files.deleteIfExists(p);
    }
  }
}

package cn.shegong.portal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index directory holds generations (gen-…) and a CURRENT file naming the one in use. A rebuild
 * writes a new generation and then replaces CURRENT with an atomic rename, so a reader of CURRENT
 * sees the old index or the new one, never half of either.
 */
public final class IndexGenerations {
  private static final Logger log = LoggerFactory.getLogger(IndexGenerations.class);
  private static final String CURRENT = "CURRENT";

  private final Path root;

  public IndexGenerations(Path root) {
    this.root = root.toAbsolutePath();
  }

  public Path root() {
    return root;
  }

  public Optional<Path> current() {
    Path pointer = root.resolve(CURRENT);
    try {
      if (!Files.isRegularFile(pointer)) return Optional.empty();
      String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
      Path gen = root.resolve(name);
      return name.startsWith("gen-") && Files.isDirectory(gen)
          ? Optional.of(gen)
          : Optional.empty();
    } catch (IOException e) {
      log.warn("Cannot read {}: {}", pointer, e.toString());
      return Optional.empty();
    }
  }

  /** A new, empty generation directory (not yet current). */
  public Path create() throws IOException {
    Files.createDirectories(root);
    return Files.createDirectory(
        root.resolve(
            "gen-"
                + System.currentTimeMillis()
                + "-"
                + UUID.randomUUID().toString().substring(0, 8)));
  }

  /** Makes {@code gen} the current generation in one atomic step. */
  public void promote(Path gen) throws IOException {
    Path tmp = root.resolve(CURRENT + ".tmp-" + UUID.randomUUID());
    Files.writeString(tmp, gen.getFileName().toString() + "\n", StandardCharsets.UTF_8);
    Files.move(
        tmp,
        root.resolve(CURRENT),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Deletes every generation except the current one and {@code keep} (left-overs of older builds).
   */
  public void removeOthers(Path keep) {
    Optional<Path> current = current();
    try (Stream<Path> gens = Files.list(root)) {
      gens.filter(
              p ->
                  p.getFileName().toString().startsWith("gen-")
                      || p.getFileName().toString().startsWith(CURRENT + ".tmp"))
          .filter(p -> !p.equals(keep) && !current.map(p::equals).orElse(false))
          .forEach(IndexGenerations::deleteTree);
    } catch (IOException e) {
      log.warn("Cannot list {}: {}", root, e.toString());
    }
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException | UncheckedIOException e) {
      log.warn("Cannot delete old index generation {}: {}", dir, e.toString());
    }
  }
}

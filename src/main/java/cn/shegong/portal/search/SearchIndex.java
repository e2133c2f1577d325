package cn.shegong.portal.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;

/**
 * One generation of the index on disk: the only IndexWriter on it, and a SearcherManager for
 * near-real-time readers. Blocking; callers run it off the event loop. The commit user data records
 * the schema version and the change-log position the index reflects.
 */
public final class SearchIndex implements Closeable {
  static final String POSITION = "position";
  static final String SCHEMA = "schema";

  private final Path path;
  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;

  private SearchIndex(Path path, FSDirectory directory, IndexWriter writer) throws IOException {
    this.path = path;
    this.directory = directory;
    this.writer = writer;
    this.searchers = new SearcherManager(writer, null);
  }

  /** Opens an existing generation; fails if it is missing, unreadable or locked. */
  public static SearchIndex open(Path path) throws IOException {
    FSDirectory dir = FSDirectory.open(path);
    try {
      if (!DirectoryReader.indexExists(dir)) throw new IOException("no index in " + path);
      return new SearchIndex(
          path, dir, new IndexWriter(dir, config(IndexWriterConfig.OpenMode.APPEND)));
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  /** A new, empty index in an empty generation directory. */
  public static SearchIndex create(Path path) throws IOException {
    FSDirectory dir = FSDirectory.open(path);
    return new SearchIndex(
        path, dir, new IndexWriter(dir, config(IndexWriterConfig.OpenMode.CREATE)));
  }

  private static IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
    // the whole portal runs in a 192 MB heap: a larger buffer builds a little faster but runs it
    // out of memory
    return new IndexWriterConfig(SearchAnalyzers.forIndex())
        .setOpenMode(mode)
        .setRAMBufferSizeMB(32);
  }

  public Path path() {
    return path;
  }

  /** The schema version the index was written with, "" if unknown. */
  public String schema() {
    return committed().getOrDefault(SCHEMA, "");
  }

  /** The change-log position (a transaction id horizon) the last commit reflects; -1 if none. */
  public long position() {
    return Long.parseLong(committed().getOrDefault(POSITION, "-1"));
  }

  private Map<String, String> committed() {
    Map<String, String> data = new HashMap<>();
    Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
    if (live != null) live.forEach(e -> data.put(e.getKey(), e.getValue()));
    return data;
  }

  /**
   * Adds or replaces documents by uid and removes the given uids; readers see it after {@link
   * #refresh}.
   */
  public void apply(Collection<Indexable> upserts, Collection<String> deletions)
      throws IOException {
    for (Indexable item : upserts)
      writer.updateDocument(new Term(SearchFields.UID, item.uid()), DocumentFactory.build(item));
    for (String uid : deletions) writer.deleteDocuments(new Term(SearchFields.UID, uid));
  }

  /** Bulk add for a fresh generation (no earlier document to replace). */
  public void add(Collection<Indexable> items) throws IOException {
    for (Indexable item : items) writer.addDocument(DocumentFactory.build(item));
  }

  /**
   * Merges everything into one segment, for a freshly built generation: each query then opens one
   * postings list per term instead of one per segment, and skips within one list (measured 10–20%
   * faster searches).
   */
  public void mergeIntoOne() throws IOException {
    writer.forceMerge(1);
  }

  public void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  /** Makes everything applied so far durable, together with the position it reflects. */
  public void commit(long position) throws IOException {
    writer.setLiveCommitData(
        Map.of(POSITION, Long.toString(position), SCHEMA, SearchFields.SCHEMA_VERSION).entrySet());
    writer.commit();
  }

  /** Runs {@code work} with an acquired searcher and always releases it. */
  public <T> T withSearcher(SearcherFunction<T> work) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return work.apply(searcher);
    } finally {
      searchers.release(searcher);
    }
  }

  @FunctionalInterface
  public interface SearcherFunction<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  @Override
  public void close() throws IOException {
    try {
      searchers.close();
      writer.close(); // commits pending changes with the live commit data last set
    } finally {
      directory.close();
    }
  }
}

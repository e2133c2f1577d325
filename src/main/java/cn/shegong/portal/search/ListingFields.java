package cn.shegong.portal.search;

import static cn.shegong.portal.search.SearchFields.*;

import cn.shegong.portal.common.Zones;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;

/**
 * The fields that let the index answer the news list as the database would: the same filters (exact
 * terms), the same order (the exact publication moment, then the id) and what each item shows.
 */
final class ListingFields {
  private ListingFields() {}

  static void add(Document doc, Indexable item) {
    Indexable.Listing l = item.listing();
    doc.add(new StoredField(SUBTITLE, l.subtitle()));
    doc.add(new StoredField(SUMMARY, l.summary()));
    DocumentFactory.keyword(doc, SOURCE, l.source());
    // every tag as the database holds it, the empty one too: `tag = ANY (tags)` matches it
    for (String tag : l.tags()) {
      doc.add(new StringField(TAG, tag, Field.Store.NO));
      doc.add(new SortedSetDocValuesField(TAG, new BytesRef(tag)));
    }
    if (l.publishedAt() != null) {
      long micros = micros(l.publishedAt());
      doc.add(new NumericDocValuesField(PUBLISHED, micros));
      doc.add(new StoredField(PUBLISHED, micros));
      if (l.monthKnown())
        DocumentFactory.keyword(
            doc, MONTH, String.valueOf(l.publishedAt().atZone(Zones.CHINA).getMonthValue()));
    }
  }

  /** PostgreSQL keeps microseconds: two articles a millisecond apart still sort as it does. */
  static long micros(Instant t) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, t);
  }

  static Instant fromMicros(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }
}

package cn.shegong.portal.search;

import static cn.shegong.portal.search.SearchFields.*;

import cn.shegong.portal.common.Zones;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/**
 * Turns an {@link Indexable} into a Lucene document: folded text, pinyin, facets, sort keys and a
 * geo point.
 */
public final class DocumentFactory {
  private DocumentFactory() {}

  public static Document build(Indexable item) {
    Document doc = new Document();
    doc.add(new StringField(UID, item.uid(), Field.Store.YES));
    keyword(doc, TYPE, item.type());
    doc.add(new StoredField(ID, item.id()));
    // on every document: Lucene refuses a field with doc values on some documents and none on
    // others
    doc.add(new NumericDocValuesField(ID, item.id()));
    // indexed too: an article can be read from the index by its address while the database is away
    doc.add(new StringField(SLUG, item.slug(), Field.Store.YES));
    // stored as written; the indexed copy is folded (same length, so snippet offsets still fit)
    doc.add(new StoredField(TITLE, item.title()));
    han(doc, TITLE, TextNormalizer.normalize(item.title()));
    doc.add(new StoredField(BODY, item.body()));
    han(doc, BODY, TextNormalizer.normalize(item.body()));
    String region = item.regionDisplay();
    doc.add(new StoredField(REGION, region));
    // a station is found by the place it is in; an article by what it says (its region stays a
    // facet and pinyin)
    if (TYPE_STATION.equals(item.type())) {
      han(
          doc,
          REGION_TEXT,
          TextNormalizer.normalize(
              String.join(" ", item.province(), item.city(), item.district(), item.township())));
    }
    pinyin(doc, TITLE_PINYIN, TITLE_INITIALS, item.title());
    pinyin(
        doc,
        REGION_PINYIN,
        REGION_INITIALS,
        String.join(
            " ",
            RegionNames.core(item.province()),
            RegionNames.core(item.city()),
            RegionNames.core(item.district()),
            RegionNames.core(item.township())));
    for (String name : Names.of(item)) doc.add(new StringField(NAMES, name, Field.Store.NO));
    keyword(doc, KIND, item.kind());
    keyword(doc, PROVINCE, item.province());
    keyword(doc, CITY, item.city());
    keyword(doc, DISTRICT, item.district());
    keyword(doc, ORIGIN, item.origin());
    if (item.date() != null) {
      keyword(doc, YEAR, String.valueOf(item.date().getYear()));
      doc.add(
          new NumericDocValuesField(
              DATE, item.date().atStartOfDay(Zones.CHINA).toInstant().toEpochMilli()));
      doc.add(new StoredField(DATE_TEXT, item.dateText()));
    }
    if (item.listing() != null) ListingFields.add(doc, item);
    if (item.latitude() != null && item.longitude() != null) {
      doc.add(new LatLonPoint(GEO, item.latitude(), item.longitude()));
      doc.add(new LatLonDocValuesField(GEO, item.latitude(), item.longitude()));
    }
    return doc;
  }

  /** Folded text as unigrams and bigrams, and its longer runs as {@link HanGrams}. */
  private static void han(Document doc, String field, String folded) {
    doc.add(new TextField(field, folded, Field.Store.NO));
    doc.add(new Field(HanGrams.field(field), folded, HanGrams.TYPE));
  }

  static void keyword(Document doc, String field, String value) {
    if (value == null || value.isEmpty()) return;
    doc.add(new StringField(field, value, Field.Store.YES));
    doc.add(new SortedDocValuesField(field, new BytesRef(value)));
  }

  /** One token per Han character: full syllables in one field, initials in the other. */
  private static void pinyin(Document doc, String fullField, String initialsField, String text) {
    List<String> syllables = Pinyin.syllables(TextNormalizer.normalize(text));
    if (syllables.isEmpty()) return;
    doc.add(new TextField(fullField, String.join(" ", syllables), Field.Store.NO));
    doc.add(
        new TextField(
            initialsField,
            syllables.stream().map(s -> s.substring(0, 1)).collect(Collectors.joining(" ")),
            Field.Store.NO));
  }
}

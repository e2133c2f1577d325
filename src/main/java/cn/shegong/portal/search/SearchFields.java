package cn.shegong.portal.search;

/**
 * Field names of the search index; changing what a field holds means bumping {@link
 * #SCHEMA_VERSION}.
 */
public final class SearchFields {
  /** Stored in the commit user data; an index written with another version is rebuilt at start. */
  public static final String SCHEMA_VERSION = "9";

  public static final String UID = "uid"; // "article:12" / "station:7": the key for updateDocument
  public static final String TYPE = "type"; // article | station
  public static final String ID = "id";
  public static final String SLUG = "slug";
  public static final String TITLE = "title";
  public static final String BODY = "body";
  public static final String REGION = "region"; // stored display form
  public static final String REGION_TEXT = "region_text"; // searchable, stations only
  // every run of 3 and 4 Han characters of title, body and region_text as one term (see HanGrams)
  public static final String TITLE_GRAMS = "title_g";
  public static final String BODY_GRAMS = "body_g";
  public static final String REGION_GRAMS = "region_text_g";
  public static final String TITLE_PINYIN = "title_py";
  public static final String TITLE_INITIALS = "title_pyi";
  public static final String REGION_PINYIN = "region_py";
  public static final String REGION_INITIALS = "region_pyi";
  // names a document holds as a whole (folded): quoted project names, a station's name and places
  public static final String NAMES = "names";
  public static final String KIND = "kind";
  public static final String PROVINCE = "province";
  public static final String CITY = "city";
  public static final String DISTRICT = "district";
  public static final String YEAR = "year";
  public static final String ORIGIN = "origin";
  public static final String DATE = "date"; // epoch millis, doc values for sorting
  public static final String DATE_TEXT = "date_text";
  public static final String GEO = "geo";
  // an article's list fields (see ListingFields), for the news list while the database is away
  public static final String SUBTITLE = "subtitle"; // stored
  public static final String SUMMARY = "summary"; // stored
  public static final String SOURCE = "source"; // keyword
  public static final String TAG = "tag"; // one term and sorted-set value per tag
  public static final String MONTH = "month"; // keyword, only when the source states the month
  public static final String PUBLISHED = "published"; // epoch microseconds: doc values and stored

  public static final String TYPE_ARTICLE = "article";
  public static final String TYPE_STATION = "station";

  private SearchFields() {}

  public static String uid(String type, long id) {
    return type + ":" + id;
  }

  /** The public page of a hit: the features' own address rules. */
  public static String url(String type, String slug) {
    return TYPE_ARTICLE.equals(type)
        ? cn.shegong.portal.news.Article.urlOf(slug)
        : cn.shegong.portal.stations.Station.urlOf(slug);
  }
}

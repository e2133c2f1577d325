package cn.shegong.portal.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the index knows of an article or a station, read from PostgreSQL by {@link ContentReader}.
 *
 * @param title article title or station name
 * @param body everything else worth finding: subtitle, summary, body; or a station's services and
 *     address
 * @param date publication date for articles, null for stations
 * @param dateText the date as precisely as the source states it, for display
 * @param listing what the news list shows and filters by; null for stations
 */
public record Indexable(
    String type,
    long id,
    String slug,
    String title,
    String body,
    String province,
    String city,
    String district,
    String township,
    String kind,
    String origin,
    LocalDate date,
    String dateText,
    Double latitude,
    Double longitude,
    Listing listing) {

  /**
   * An article's fields for reading its list from the index while the database is away.
   *
   * @param publishedAt the exact moment, for the list's order
   * @param monthKnown false when the source states only the year
   */
  public record Listing(
      String subtitle,
      String summary,
      String source,
      List<String> tags,
      Instant publishedAt,
      boolean monthKnown) {
    public Listing {
      tags = List.copyOf(tags);
    }
  }

  /** Without a listing: a station, or an article only searched. */
  public Indexable(
      String type,
      long id,
      String slug,
      String title,
      String body,
      String province,
      String city,
      String district,
      String township,
      String kind,
      String origin,
      LocalDate date,
      String dateText,
      Double latitude,
      Double longitude) {
    this(
        type, id, slug, title, body, province, city, district, township, kind, origin, date,
        dateText, latitude, longitude, null);
  }

  public String uid() {
    return SearchFields.uid(type, id);
  }

  public String url() {
    return SearchFields.url(type, slug);
  }

  /** 北京市北京市朝阳区 reads badly: repeated parts once. */
  public String regionDisplay() {
    StringBuilder sb = new StringBuilder(province);
    if (!city.equals(province)) sb.append(city);
    if (!district.equals(city)) sb.append(district);
    if (!township.equals(district)) sb.append(township);
    return sb.toString();
  }
}

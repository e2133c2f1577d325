package cn.shegong.portal.search;

import java.time.LocalDate;

/**
 * What the index knows of an article or a station, read from PostgreSQL by {@link ContentReader}.
 *
 * @param title article title or station name
 * @param body everything else worth finding: subtitle, summary, body; or a station's services and
 *     address
 * @param date publication date for articles, null for stations
 * @param dateText the date as precisely as the source states it, for display
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
    Double longitude) {

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

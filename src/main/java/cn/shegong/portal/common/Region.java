package cn.shegong.portal.common;

/**
 * An administrative place: province, prefecture-level city, district or county. Any part may be
 * empty.
 */
public record Region(String province, String city, String district) {
  public Region {
    province = blankToEmpty(province);
    city = blankToEmpty(city);
    district = blankToEmpty(district);
  }

  /** 北京市北京市朝阳区 reads badly: repeated parts are shown once. */
  public String display() {
    StringBuilder sb = new StringBuilder(province);
    if (!city.equals(province)) sb.append(city);
    if (!district.equals(city)) sb.append(district);
    return sb.toString();
  }

  public boolean isEmpty() {
    return province.isEmpty() && city.isEmpty() && district.isEmpty();
  }

  private static String blankToEmpty(String s) {
    return s == null ? "" : s.strip();
  }
}

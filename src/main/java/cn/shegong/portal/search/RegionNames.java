package cn.shegong.portal.search;

import java.util.List;

/**
 * Region names without their administrative suffix: readers type "jiading" for 嘉定区, "shicheng" for
 * 石城县.
 */
public final class RegionNames {
  private static final List<String> SUFFIXES =
      List.of(
          "特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "新区", "街道", "省", "市", "县", "区",
          "镇", "乡", "旗", "盟");

  private RegionNames() {}

  public static String core(String name) {
    if (name == null) return "";
    String n = name.strip();
    for (String suffix : SUFFIXES) {
      if (n.endsWith(suffix) && n.length() - suffix.length() >= 2)
        return n.substring(0, n.length() - suffix.length());
    }
    return n;
  }
}

package cn.shegong.portal.stations;

import java.util.Optional;

/**
 * How exact a station's coordinates are; anything but EXACT is shown to residents as approximate.
 */
public enum LocationPrecision {
  EXACT("exact", "精确位置"),
  STREET("street", "街道（镇）中心的大致位置"),
  DISTRICT("district", "区县中心的大致位置"),
  CITY("city", "城市中心的大致位置");

  private final String code;
  private final String label;

  LocationPrecision(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public boolean approximate() {
    return this != EXACT;
  }

  public static Optional<LocationPrecision> fromCode(String code) {
    if (code == null) return Optional.empty();
    for (LocationPrecision p : values()) if (p.code.equals(code.strip())) return Optional.of(p);
    return Optional.empty();
  }
}

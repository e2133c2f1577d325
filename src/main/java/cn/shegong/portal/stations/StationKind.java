package cn.shegong.portal.stations;

import java.util.Optional;

public enum StationKind {
  PSYCH("psych", "心理健康社工站"),
  MEDICAL("medical", "医务社工"),
  TOWNSHIP("township", "镇(街道)社工站");

  private final String code;
  private final String label;

  StationKind(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static Optional<StationKind> fromCode(String code) {
    if (code == null) return Optional.empty();
    for (StationKind k : values()) if (k.code.equals(code.strip())) return Optional.of(k);
    return Optional.empty();
  }
}

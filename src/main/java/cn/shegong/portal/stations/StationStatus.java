package cn.shegong.portal.stations;

import java.util.Optional;

public enum StationStatus {
  ACTIVE("active", "正常服务"),
  TEMPORARILY_CLOSED("temporarily_closed", "暂停服务"),
  CLOSED("closed", "已停止服务");

  private final String code;
  private final String label;

  StationStatus(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static Optional<StationStatus> fromCode(String code) {
    if (code == null || code.isBlank()) return Optional.of(ACTIVE);
    for (StationStatus s : values()) if (s.code.equals(code.strip())) return Optional.of(s);
    return Optional.empty();
  }
}

package cn.shegong.portal.stations;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

public enum StationKind {
  PSYCH("psych", "心理健康社工站"),
  MEDICAL("medical", "医务社工"),
  TOWNSHIP("township", "镇（街道）社工站");

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

  /** Every kind as "code（label）", for messages: psych（心理健康社工站）、medical（医务社工）或 township（…）. */
  public static String choices() {
    List<String> all = Arrays.stream(values()).map(k -> k.code + "（" + k.label + "）").toList();
    return String.join("、", all.subList(0, all.size() - 1)) + "或 " + all.get(all.size() - 1);
  }

  /** Every label in order, for prose: 心理健康社工站、医务社工、镇（街道）社工站. */
  public static String labels() {
    return String.join("、", Arrays.stream(values()).map(StationKind::label).toList());
  }

  public static Optional<StationKind> fromCode(String code) {
    if (code == null) return Optional.empty();
    for (StationKind k : values()) if (k.code.equals(code.strip())) return Optional.of(k);
    return Optional.empty();
  }
}

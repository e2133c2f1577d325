package cn.shegong.portal.stations;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One public change of a station's record: when, what kind of change (from the audit log, never
 * who), the public fields with their old and new values, and how the record stood verified after
 * it.
 */
public record StationChange(
    long stationId,
    String slug,
    String stationName,
    StationKind kind,
    long id,
    OffsetDateTime at,
    String action,
    List<Field> fields,
    LocalDate verifiedAt,
    Verification.How verifiedHow) {

  /** A public field: its Chinese label, the value before and after, as readers see them. */
  public record Field(String code, String label, String before, String after) {}

  /** When, in China time: "2026-12-02 13:45". */
  public String when() {
    return at.atZoneSameInstant(cn.shegong.portal.common.Zones.CHINA)
        .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
  }

  /** "核实：2026-12-01（电话核实）", or "" when the record was never confirmed. */
  public String verification() {
    if (verifiedAt == null) return "";
    return "核实：" + verifiedAt + (verifiedHow == null ? "" : "（" + verifiedHow.label() + "）");
  }

  /** "电话：021-1234 → 021-5678；状态：正常服务 → 暂停服务", for feeds and summaries. */
  public String summary() {
    if (fields.isEmpty()) return action;
    StringBuilder s = new StringBuilder();
    for (Field f : fields) {
      if (!s.isEmpty()) s.append("；");
      s.append(f.label()).append("：").append(f.before()).append(" → ").append(f.after());
    }
    return s.toString();
  }
}

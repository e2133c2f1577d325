package cn.shegong.portal.common;

import java.time.LocalDate;

/** How much of a publication date the source actually states. */
public enum DatePrecision {
  DAY,
  MONTH,
  YEAR;

  public String code() {
    return name().toLowerCase();
  }

  public static DatePrecision fromCode(String code) {
    return switch (code == null ? "" : code.strip()) {
      case "month" -> MONTH;
      case "year" -> YEAR;
      case "day", "" -> DAY;
      default -> throw new IllegalArgumentException("unknown date precision: " + code);
    };
  }

  /** 2024年9月20日 / 2024年9月 / 2024年, never claiming more than the source knows. */
  public String format(LocalDate date) {
    return switch (this) {
      case DAY -> date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
      case MONTH -> date.getYear() + "年" + date.getMonthValue() + "月";
      case YEAR -> date.getYear() + "年";
    };
  }
}

package cn.shegong.portal.stations;

import java.time.LocalDate;

/** A temporary closure ({@code hours} empty) or special hours for a date range, with its reason. */
public record StationException(
    LocalDate startsOn, LocalDate endsOn, OpeningHours hours, String reason) {
  public boolean covers(LocalDate d) {
    return !d.isBefore(startsOn) && !d.isAfter(endsOn);
  }
}

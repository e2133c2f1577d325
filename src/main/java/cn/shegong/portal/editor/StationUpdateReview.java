package cn.shegong.portal.editor;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.common.Zones;
import cn.shegong.portal.db.Transactions;
import cn.shegong.portal.stations.Station;
import cn.shegong.portal.stations.StationCsvFormat;
import cn.shegong.portal.stations.StationException;
import cn.shegong.portal.stations.StationExceptions;
import cn.shegong.portal.stations.Verification;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An editor's decision on a station's proposal, field by field. Accepted station fields go through
 * the desk's own save ({@link DeskStations#update}, versioned and audited, checked by the same
 * validator as the station form); any accepted field confirms the record with how = station update;
 * accepted exceptions replace the upcoming ones; the decisions are stored and audited.
 */
final class StationUpdateReview {
  /** The proposal's field → the station form's (CSV) column. */
  private static final Map<String, String> COLUMN =
      Map.of(
          "phone", "phone",
          "opening_hours", "schedule",
          "address", "address_1",
          "services", "services",
          "target_groups", "target_groups");

  /** The one decision on a proposal that says everything is right. */
  static final String CONFIRM = "confirm";

  private final Pool pool;
  private final DeskStations stations;

  StationUpdateReview(Pool pool) {
    this.pool = pool;
    this.stations = new DeskStations(pool);
  }

  /** {@code accepted}: field → true (accept) or false (reject), for every proposed field. */
  Future<Void> decide(
      StationProposals.Proposal p,
      Map<String, Boolean> accepted,
      int baseVersion,
      EditorUser actor) {
    if (!p.pending()) return Future.failedFuture(new HttpError(409, "这条更新已经审核过了。"));
    if (!actor.may(Permission.EDIT_STATIONS))
      return Refusal.of(pool, actor, "station", p.stationId(), Permission.EDIT_STATIONS);
    JsonObject decisions = new JsonObject();
    for (String f : p.fields()) decisions.put(f, accepted.get(f) ? "accepted" : "rejected");
    if (p.fields().isEmpty())
      decisions.put(CONFIRM, accepted.getOrDefault(CONFIRM, false) ? "accepted" : "rejected");
    boolean any = accepted.containsValue(true);
    // the record, the verification, the decisions and the audit: one transaction, all or nothing
    return stations
        .find(p.stationId())
        .compose(
            station ->
                Transactions.retrying(
                    pool,
                    conn ->
                        save(conn, station, p, accepted, baseVersion, actor)
                            .compose(
                                v ->
                                    any
                                        ? DeskStations.confirmOn(
                                            conn,
                                            p.stationId(),
                                            actor,
                                            Verification.How.STATION_UPDATE)
                                        : Future.<Void>succeededFuture())
                            .compose(
                                v ->
                                    StationProposals.markReviewed(
                                        conn, p.id(), decisions, actor.login()))
                            .compose(
                                marked -> {
                                  if (!marked)
                                    return Future.failedFuture(new HttpError(409, "这条更新已经审核过了。"));
                                  return Boolean.TRUE.equals(accepted.get("exceptions"))
                                      ? replaceExceptions(conn, p)
                                      : Future.<Void>succeededFuture();
                                })
                            .compose(
                                v2 ->
                                    AuditLog.record(
                                        conn,
                                        actor.login(),
                                        "station.update_proposal.review",
                                        "station",
                                        p.stationId(),
                                        new JsonObject()
                                            .put("proposal", p.id())
                                            .put("decisions", decisions)))));
  }

  private static Future<Void> save(
      io.vertx.sqlclient.SqlClient conn,
      Station station,
      StationProposals.Proposal p,
      Map<String, Boolean> accepted,
      int baseVersion,
      EditorUser actor) {
    Map<String, String> row = StationDeskRoutes.fieldsOf(station);
    boolean changed = false;
    for (var e : COLUMN.entrySet()) {
      if (!Boolean.TRUE.equals(accepted.get(e.getKey()))) continue;
      String proposed = p.changes().getJsonObject(e.getKey()).getString("new");
      row.put(
          e.getValue(),
          e.getKey().equals("services") || e.getKey().equals("target_groups")
              ? String.join(";", StationUpdateForm.items(proposed))
              : proposed);
      changed = true;
    }
    if (!changed) return Future.succeededFuture();
    StationCsvFormat.Parsed parsed = StationCsvFormat.parse(row);
    if (!parsed.ok())
      return Future.failedFuture(
          HttpError.badRequest("采纳的内容不能保存：" + String.join("；", parsed.errors())));
    return DeskStations.saveOn(
            conn, station.id(), baseVersion, parsed.draft(), null, actor, new JsonObject())
        .mapEmpty();
  }

  /** Past exceptions stay; the upcoming ones become the proposed list. */
  private static Future<Void> replaceExceptions(
      io.vertx.sqlclient.SqlClient conn, StationProposals.Proposal p) {
    LocalDate today = LocalDate.now(Zones.CHINA);
    StationExceptions table = new StationExceptions(conn);
    List<StationException> proposed =
        ExceptionLines.parse(p.changes().getJsonObject("exceptions").getString("new")).exceptions();
    return table
        .between(p.stationId(), LocalDate.of(1900, 1, 1), today)
        .compose(
            known -> {
              List<StationException> kept = new ArrayList<>();
              for (StationException e : known) if (e.endsOn().isBefore(today)) kept.add(e);
              kept.addAll(proposed);
              return table.replace(p.stationId(), kept);
            });
  }
}

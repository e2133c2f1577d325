/**
 * The editors' desk and the editor API.
 *
 * <p>Desk (server-rendered, works without JavaScript): {@code /editor/login}, {@code
 * /editor/articles} (list by status, new, edit, preview, publish, schedule, unpublish, revisions
 * and restore), {@code /editor/stations} (create, edit, temporary closures and special hours,
 * close, confirm details, CSV import), {@code /editor/reports} (residents' reports), {@code
 * /editor/audit}, {@code /editor/users} (admins only: accounts and API tokens), {@code
 * /editor/helplines} (admins only: help lines and crisis words). Every route passes {@link
 * cn.shegong.portal.editor.DeskAuth}: a PostgreSQL session (idle 30 min, absolute 12 h), the role
 * for the normalised path ({@link cn.shegong.portal.editor.Roles}) and the CSRF token on every
 * POST.
 *
 * <p>Station self-updates ({@code /editor/station-updates}): an editor makes a link for one station
 * ({@link cn.shegong.portal.editor.UpdateLinks}: HMAC with a key kept in the database, 14 days,
 * revocable). Its staff open {@code /stations/update/{token}} (registered here because it belongs
 * to this workflow; no session, no cookie: a signed form token, same origin, 16 KB, rate limits in
 * {@link cn.shegong.portal.editor.StationProposals}) and propose changes; an editor decides each
 * field ({@link cn.shegong.portal.editor.StationUpdateReview}), accepted ones are saved through
 * {@link cn.shegong.portal.editor.DeskStations} and confirm the record as a station update.
 *
 * <p>HSDS import ({@code /editor/stations/hsds-import}): the hsds feature reads the file into
 * station rows; {@link cn.shegong.portal.editor.HsdsImportPlan} matches them by HSDS id or slug and
 * says what would change; applying writes them in one transaction.
 *
 * <p>API: {@code /api/editor/articles} and {@code /api/editor/stations/{slug}} (GET, PUT: a partial
 * update over the record's version, saved by the desk form's own {@link DeskStations#update}) with
 * {@code Authorization: Bearer TOKEN}; tokens come from {@code ./portal token create LOGIN}.
 *
 * <p>Roles: admin (everything), editor (everything but accounts and help lines), contributor
 * (drafts only: may not publish, schedule, unpublish or change stations).
 */
package cn.shegong.portal.editor;

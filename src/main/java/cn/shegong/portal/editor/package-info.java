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
 * <p>API: {@code /api/editor/articles} and {@code /api/editor/stations/{slug}} (GET, PUT: a partial
 * update over the record's version, saved by the desk form's own {@link DeskStations#update}) with
 * {@code Authorization: Bearer TOKEN}; tokens come from {@code ./portal token create LOGIN}.
 *
 * <p>Roles: admin (everything), editor (everything but accounts and help lines), contributor
 * (drafts only: may not publish, schedule, unpublish or change stations).
 */
package cn.shegong.portal.editor;

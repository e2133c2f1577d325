package cn.shegong.portal.editor;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.helplines.HelplineBook;
import cn.shegong.portal.hsds.HsdsImport;
import cn.shegong.portal.web.Portal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * The editors' desk under /editor and the editor API under /api/editor. Request bodies are read
 * only here, size-limited; file uploads only on the import routes (CSV, HSDS).
 */
public final class EditorRoutes {
  public static final long FORM_LIMIT = 2L * 1024 * 1024;
  static final long UPLOAD_LIMIT = 8L * 1024 * 1024;

  private final Portal portal;
  private final HelplineBook helplines;

  /** {@code helplines}: the help lines in memory, reloaded after an admin edits them. */
  public EditorRoutes(Portal portal, HelplineBook helplines) {
    this.portal = portal;
    this.helplines = helplines;
  }

  /**
   * Registers the desk and the editor API; every route states its permission (see {@link
   * DeskRouter}).
   */
  public void mount(Router router) {
    DeskRouter desk = new DeskRouter(router, portal.deskPool());
    Sessions sessions = new Sessions(portal.deskPool(), portal.config().tls());
    TwoFactorRule twoFactor = new TwoFactorRule(portal.config().requireTwoFactor());
    ApiTokens tokens = new ApiTokens(portal.deskPool());
    // anonymous bodies are small (16 KB), decided before they are read; see DeskBodyLimit
    desk.filter("/editor/*")
        .handler(
            new DeskBodyLimit(
                FORM_LIMIT,
                portal.config().dataDir().resolve("uploads").toString(),
                Map.of(
                    StationImportRoutes.UPLOAD,
                    UPLOAD_LIMIT,
                    HsdsImportRoutes.UPLOAD,
                    HsdsImport.MAX_UPLOAD),
                ctx -> sessions.find(cookie(ctx)).map(java.util.Optional::isPresent)))
        .handler(EditorRoutes::noNul);
    desk.filter("/editor/*").handler(new DeskAuth(sessions, twoFactor));
    var invalidate = portal.pageCache().invalidateAfterWrites();
    // a signed-in editor's write shows on the public pages at once (the login form itself has no
    // session)
    desk.filter("/editor/*")
        .handler(
            ctx -> {
              if (Desk.session(ctx) != null) invalidate.handle(ctx);
              else ctx.next();
            });
    new LoginRoutes(portal, sessions).mount(desk);
    new ArticleDeskRoutes(portal).mount(desk);
    new ArticleStateRoutes(portal).mount(desk);
    new AuditRoutes(portal).mount(desk);
    new EnrolmentRoutes(portal).mount(desk);
    new UserAdminRoutes(portal).mount(desk);
    new StationImportRoutes(portal).mount(desk); // before /editor/stations/:id
    new HsdsImportRoutes(portal).mount(desk); // before /editor/stations/:id
    new StationDeskRoutes(portal).mount(desk);
    new ReportQueueRoutes(portal).mount(desk);
    new QualityRoutes(portal).mount(desk);
    new HelplineDeskRoutes(portal, helplines).mount(desk);
    new SearchDeskRoutes(portal).mount(desk);
    UpdateLinks updateLinks = new UpdateLinks(portal.pool());
    new StationUpdateDeskRoutes(portal, updateLinks).mount(desk);
    // the stations' own side of an invitation: public, no session, no cookie
    new StationUpdateRoutes(portal, updateLinks).mount(router);

    desk.filter("/api/editor/*")
        .handler(
            new DeskBodyLimit(
                FORM_LIMIT,
                null,
                Map.of(),
                ctx ->
                    tokens
                        .find(DeskBodyLimit.bearer(ctx))
                        .map(h -> h.filter(t -> !t.disabled() && !t.expired()).isPresent())));
    desk.filter("/api/editor/*").handler(new ApiAuth(tokens, twoFactor));
    desk.filter("/api/editor/*").handler(invalidate);
    new ArticleApiRoutes(portal).mount(desk);
    new StationApiRoutes(portal).mount(desk);
  }

  /** After every feature has mounted: a desk route that declared no permission answers 403. */
  public static void seal(Router router, Portal portal) {
    new DeskRouter(router, portal.deskPool()).seal();
  }

  /**
   * PostgreSQL refuses NUL in text: such a form is refused here with a 400 rather than failing
   * later with a 500.
   */
  private static void noNul(RoutingContext ctx) {
    for (var field : ctx.request().formAttributes()) {
      if (field.getKey().indexOf('\0') >= 0 || field.getValue().indexOf('\0') >= 0) {
        ctx.fail(HttpError.badRequest("表单中含有无效字符（NUL），请删除后再提交。"));
        return;
      }
    }
    ctx.next();
  }

  private static String cookie(RoutingContext ctx) {
    var c = ctx.request().getCookie(Sessions.COOKIE);
    return c == null ? null : c.getValue();
  }
}

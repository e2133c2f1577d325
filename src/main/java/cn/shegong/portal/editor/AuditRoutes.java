package cn.shegong.portal.editor;

import cn.shegong.portal.common.Pagination;
import cn.shegong.portal.common.Params;
import cn.shegong.portal.web.Portal;
import java.util.Map;

/** The audit log page: who did what, when, newest first. */
final class AuditRoutes {
  static final int PAGE_SIZE = 50;

  private final Portal portal;

  AuditRoutes(Portal portal) {
    this.portal = portal;
  }

  void mount(DeskRouter desk) {
    desk.get("/editor/audit", Permission.VIEW_AUDIT)
        .handler(
            ctx -> {
              int page = Params.page(ctx);
              AuditLog.count(portal.deskPool())
                  .compose(
                      total -> {
                        Pagination p = new Pagination(page, PAGE_SIZE, total);
                        return AuditLog.latest(portal.deskPool(), p.offset(), PAGE_SIZE)
                            .compose(
                                list ->
                                    portal
                                        .pages()
                                        .render(
                                            ctx,
                                            "editor/audit.ftlh",
                                            Desk.model(
                                                ctx, Map.of("entries", list, "pagination", p))));
                      })
                  .onFailure(ctx::fail);
            });
  }
}

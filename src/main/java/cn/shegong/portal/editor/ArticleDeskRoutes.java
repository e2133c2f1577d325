package cn.shegong.portal.editor;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.common.Params;
import cn.shegong.portal.common.Zones;
import cn.shegong.portal.news.Article;
import cn.shegong.portal.news.ArticlePage;
import cn.shegong.portal.news.ArticleStatus;
import cn.shegong.portal.news.ArticleText;
import cn.shegong.portal.news.Correction;
import cn.shegong.portal.web.Portal;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The article desk: list by status, create, edit (with optimistic locking), preview as the public
 * page.
 */
final class ArticleDeskRoutes {
  private final Portal portal;
  private final DeskArticles articles;

  ArticleDeskRoutes(Portal portal) {
    this.portal = portal;
    this.articles = new DeskArticles(portal.deskPool());
  }

  void mount(DeskRouter desk) {
    desk.get("/editor", Permission.VIEW_DESK)
        .handler(ctx -> Desk.redirect(ctx, "/editor/articles"));
    desk.get("/editor/articles", Permission.VIEW_DESK).handler(this::list);
    desk.get("/editor/articles/new", Permission.EDIT_DRAFT)
        .handler(ctx -> form(ctx, 200, null, emptyForm(), List.of()));
    desk.post("/editor/articles", Permission.EDIT_DRAFT).handler(this::create);
    desk.post("/editor/articles/preview", Permission.EDIT_DRAFT).handler(this::preview);
    desk.get("/editor/articles/:id/edit", Permission.VIEW_DESK).handler(this::edit);
    desk.post("/editor/articles/:id", Permission.EDIT_DRAFT).handler(this::update);
  }

  private void list(RoutingContext ctx) {
    Optional<ArticleStatus> status = statusParam(ctx);
    articles
        .list(status, 300)
        .compose(
            list ->
                articles
                    .countByStatus()
                    .compose(
                        counts ->
                            portal
                                .pages()
                                .render(
                                    ctx,
                                    "editor/articles.ftlh",
                                    Desk.model(
                                        ctx,
                                        Map.of(
                                            "articles",
                                            list,
                                            "statuses",
                                            Arrays.asList(ArticleStatus.values()),
                                            "counts",
                                            counts,
                                            "status",
                                            status.map(ArticleStatus::code).orElse(""))))))
        .onFailure(ctx::fail);
  }

  static Optional<ArticleStatus> statusParam(RoutingContext ctx) {
    Optional<String> s = Params.text(ctx, "status", 20);
    if (s.isEmpty()) return Optional.empty();
    return Optional.of(
        Stream.of(ArticleStatus.values())
            .filter(v -> v.code().equals(s.get()))
            .findFirst()
            .orElseThrow(
                () ->
                    HttpError.badRequest(
                        "参数 status 应为 "
                            + Stream.of(ArticleStatus.values())
                                .map(ArticleStatus::code)
                                .reduce((x, y) -> x + "、" + y)
                                .orElse(""))));
  }

  private void edit(RoutingContext ctx) {
    long id = Desk.id(ctx, "id");
    articles
        .find(id)
        .compose(a -> form(ctx, 200, a, ArticleInput.toForm(a.text()), List.of()))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    Map<String, String> f = fields(ctx);
    ArticleInput.Checked c = ArticleInput.fromForm(f);
    if (!c.ok()) {
      form(ctx, 400, null, f, c.errors()).onFailure(ctx::fail);
      return;
    }
    articles
        .create(c.input(), Desk.user(ctx))
        .onSuccess(
            a -> Desk.redirect(ctx, "/editor/articles/" + a.id() + "/edit?saved=" + a.version()))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    long id = Desk.id(ctx, "id");
    Map<String, String> f = fields(ctx);
    int base = version(ctx);
    ArticleInput.Checked c = ArticleInput.fromForm(f);
    if (!c.ok()) {
      articles.find(id).compose(a -> form(ctx, 400, a, f, c.errors())).onFailure(ctx::fail);
      return;
    }
    Future.succeededFuture(f)
        .map(ChangeNote::fromForm)
        .compose(
            note -> articles.update(id, base, c.input(), note, Desk.user(ctx), "article.update"))
        .onSuccess(
            a -> Desk.redirect(ctx, "/editor/articles/" + a.id() + "/edit?saved=" + a.version()))
        .onFailure(
            e -> {
              if (e instanceof StaleVersion stale) conflict(ctx, (Article) stale.current(), f);
              else if (e instanceof HttpError h && h.status() == 400) {
                articles
                    .find(id)
                    .compose(a -> form(ctx, 400, a, f, List.of(h.getMessage())))
                    .onFailure(ctx::fail);
              } else ctx.fail(e);
            });
  }

  /**
   * Nothing is overwritten: the stored version and the editor's own side by side, both editable
   * from here.
   */
  private void conflict(RoutingContext ctx, Article current, Map<String, String> mine) {
    portal
        .pages()
        .render(
            ctx,
            409,
            "editor/conflict.ftlh",
            Desk.model(
                ctx,
                Map.of(
                    "article",
                    current,
                    "theirs",
                    ArticleInput.toForm(current.text()),
                    "mine",
                    mine)))
        .onFailure(ctx::fail);
  }

  private void preview(RoutingContext ctx) {
    ArticleInput.Checked c = ArticleInput.fromForm(fields(ctx));
    if (!c.ok()) {
      ctx.fail(HttpError.badRequest("无法预览：" + String.join("；", c.errors())));
      return;
    }
    ArticleText in = c.input();
    OffsetDateTime now = OffsetDateTime.now();
    ArticleText shown = in.publishedAt() != null ? in : in.withPublishedAt(now);
    Article draft = new Article(0, "preview", shown, ArticleStatus.DRAFT, "", 0, now, now);
    ctx.response().putHeader("X-Robots-Tag", "noindex");
    Map<String, Object> model =
        new HashMap<>(
            ArticlePage.model(draft, List.of(), List.of(), portal.config().publicBaseUrl()));
    portal.pages().render(ctx, "news/article.ftlh", model).onFailure(ctx::fail);
  }

  private Future<Void> form(
      RoutingContext ctx, int status, Article article, Map<String, String> f, List<String> errors) {
    Future<DeskArticles.DeskState> state =
        article == null ? Future.succeededFuture(null) : articles.state(article.id());
    return state.compose(
        st -> {
          OffsetDateTime at = st == null ? null : st.scheduledAt();
          Map<String, Object> m = new HashMap<>();
          m.put("form", f);
          m.put("errors", errors);
          m.put("precisions", List.of("day", "month", "year"));
          m.put("changeKinds", Correction.Kind.values());
          m.put("saved", ctx.queryParam("saved").stream().findFirst().orElse(""));
          if (article != null) m.put("article", article);
          if (st != null) m.put("owner", st.createdBy() == null ? "" : st.createdBy());
          if (st != null) m.put("reviewNote", st.reviewNote());
          if (at != null)
            m.put("scheduledAt", at.atZoneSameInstant(Zones.CHINA).toLocalDateTime().toString());
          return portal.pages().render(ctx, status, "editor/article-form.ftlh", Desk.model(ctx, m));
        });
  }

  private static Map<String, String> emptyForm() {
    Map<String, String> f = new LinkedHashMap<>();
    for (String k : ArticleInput.TEXT_FIELDS) f.put(k, "");
    f.put("tags", "");
    f.put("date", "");
    f.put("date_precision", "day");
    f.put("change_kind", "");
    f.put("change_note", "");
    return f;
  }

  static Map<String, String> fields(RoutingContext ctx) {
    Map<String, String> f = new LinkedHashMap<>();
    for (String k : emptyForm().keySet()) {
      String v = ctx.request().getFormAttribute(k);
      f.put(k, v == null ? "" : v);
    }
    return f;
  }

  static int version(RoutingContext ctx) {
    try {
      return Integer.parseInt(Desk.form(ctx, "version"));
    } catch (NumberFormatException e) {
      throw HttpError.badRequest("表单缺少版本号，请从编辑页面重新提交。");
    }
  }
}

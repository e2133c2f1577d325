package cn.shegong.portal.hsds;

import cn.shegong.portal.common.HttpError;
import cn.shegong.portal.hsds.HsdsDirectory.Names;
import cn.shegong.portal.hsds.HsdsTaxonomy.Scheme;
import cn.shegong.portal.hsds.HsdsTaxonomy.Term;
import cn.shegong.portal.stations.Station;
import cn.shegong.portal.stations.StationCatalog;
import cn.shegong.portal.stations.StationCatalog.Filter;
import cn.shegong.portal.stations.StationRepository;
import cn.shegong.portal.web.Portal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The Open Referral HSDS 3.0 API under /hsds: services, organisations, services at locations,
 * taxonomies and terms, each list in the HSDS Page envelope or, with format=ndjson, streamed whole
 * one object per line; and the tabular data package. Read-only and public, like /api/stations.
 */
public final class HsdsRoutes {
  static final String PROFILE = "https://github.com/openreferral/specification/tree/3.0";

  /**
   * Nested lists inside one organisation are bounded; the services list pages through all of them.
   */
  static final int MAX_NESTED = 1000;

  private final Portal portal;
  private final StationCatalog catalog;
  private final StationRepository stations;
  private final HsdsDirectory directory;
  private final HsdsJson json;
  private final HsdsStream stream;
  private final HsdsPackage pkg;

  public HsdsRoutes(Portal portal) {
    this.portal = portal;
    this.catalog = new StationCatalog(portal.pool());
    this.stations = new StationRepository(portal.pool());
    this.directory = new HsdsDirectory(portal.vertx(), catalog, portal.stationsVersion());
    this.json = new HsdsJson(portal.config().publicBaseUrl());
    this.stream = new HsdsStream(catalog);
    this.pkg = new HsdsPackage(portal, catalog, directory, json);
  }

  public void mount(Router router) {
    router
        .get("/hsds/*")
        .handler(
            ctx -> {
              ctx.response()
                  .putHeader("Access-Control-Allow-Origin", "*")
                  .putHeader("Cache-Control", "public, max-age=300");
              ctx.next();
            });
    router.get("/hsds/").handler(this::root);
    router
        .get("/hsds/openapi.json")
        .handler(
            ctx ->
                ctx.response()
                    .putHeader("Content-Type", "application/json; charset=utf-8")
                    .sendFile("hsds-3.0/schema/openapi.json"));
    router.get("/hsds/services").handler(ctx -> stations(ctx, json::serviceList));
    router.get("/hsds/services/:id").handler(ctx -> one(ctx, Names::serviceSlugs, json::service));
    router
        .get("/hsds/service_at_locations")
        .handler(ctx -> stations(ctx, s -> json.serviceAtLocation(s, true)));
    router
        .get("/hsds/service_at_locations/:id")
        .handler(ctx -> one(ctx, Names::serviceAtLocationSlugs, json::serviceAtLocationFull));
    router.get("/hsds/organizations").handler(this::organizations);
    router.get("/hsds/organizations/:id").handler(this::organization);
    router.get("/hsds/taxonomies").handler(this::taxonomies);
    router.get("/hsds/taxonomies/:id").handler(this::taxonomy);
    router.get("/hsds/taxonomy_terms").handler(this::terms);
    router.get("/hsds/taxonomy_terms/:id").handler(this::term);
    router.get("/hsds/datapackage.zip").handler(pkg::send);
  }

  private void root(RoutingContext ctx) {
    send(
        ctx,
        new JsonObject()
            .put("version", "3.0")
            .put("profile", PROFILE)
            .put("openapi_url", portal.config().publicBaseUrl() + "/hsds/openapi.json"));
  }

  private void stations(RoutingContext ctx, Function<Station, JsonObject> shape) {
    HsdsParams p = HsdsParams.from(ctx);
    directory
        .get()
        .compose(
            names -> {
              Filter f = p.filter(names);
              if (p.ndjson()) {
                stream.stations(ctx, f, shape);
                return io.vertx.core.Future.succeededFuture();
              }
              return catalog
                  .count(f)
                  .compose(
                      total ->
                          catalog
                              .page(f, p.offset(), p.perPage())
                              .map(
                                  list -> {
                                    JsonArray contents = new JsonArray();
                                    for (Station s : list) contents.add(shape.apply(s));
                                    send(ctx, HsdsPage.of(total, p.page(), p.perPage(), contents));
                                    return null;
                                  }));
            })
        .onFailure(ctx::fail);
  }

  private void one(
      RoutingContext ctx,
      Function<Names, java.util.Map<String, String>> ids,
      Function<Station, JsonObject> shape) {
    String id = id(ctx);
    directory
        .get()
        .compose(
            names -> {
              String slug = ids.apply(names).get(id);
              if (slug == null) throw notFound();
              return stations.findBySlug(slug);
            })
        .map(found -> shape.apply(found.orElseThrow(HsdsRoutes::notFound)))
        .onSuccess(o -> send(ctx, o))
        .onFailure(ctx::fail);
  }

  private void organizations(RoutingContext ctx) {
    HsdsParams p = HsdsParams.from(ctx);
    directory
        .get()
        .onSuccess(
            names -> {
              List<JsonObject> all = new ArrayList<>();
              for (String n : names.organizationNames())
                if (matches(n, p.search())) all.add(HsdsJson.organization(n));
              list(ctx, p, all);
            })
        .onFailure(ctx::fail);
  }

  private void organization(RoutingContext ctx) {
    String id = id(ctx);
    directory
        .get()
        .compose(
            names -> {
              String name = names.organizations().get(id);
              if (name == null) throw notFound();
              Filter f = new Filter(null, null, name, null, null, null, null, null, false);
              return catalog
                  .page(f, 0, MAX_NESTED)
                  .map(
                      list -> {
                        JsonArray services = new JsonArray();
                        JsonArray locations = new JsonArray();
                        for (Station s : list) {
                          services.add(json.serviceList(s));
                          locations.add(json.location(s));
                        }
                        return HsdsJson.organization(name)
                            .put("services", services)
                            .put("locations", locations);
                      });
            })
        .onSuccess(o -> send(ctx, o))
        .onFailure(ctx::fail);
  }

  private void taxonomies(RoutingContext ctx) {
    HsdsParams p = HsdsParams.from(ctx);
    List<JsonObject> all = new ArrayList<>();
    for (Scheme s : Scheme.values()) {
      JsonObject o = s.toJson();
      if (matches(o.getString("name"), p.search()) || matches(s.code(), p.search())) all.add(o);
    }
    list(ctx, p, all);
  }

  private void taxonomy(RoutingContext ctx) {
    Scheme s = Scheme.byId(id(ctx));
    if (s == null) throw notFound();
    send(ctx, s.toJson());
  }

  private void terms(RoutingContext ctx) {
    HsdsParams p = HsdsParams.from(ctx);
    directory
        .get()
        .onSuccess(
            names -> {
              List<JsonObject> all = new ArrayList<>();
              for (Term t : names.terms()) {
                if (p.taxonomyId() != null && !t.scheme().id().equals(p.taxonomyId())) continue;
                if (matches(t.name(), p.search())) all.add(t.toJson());
              }
              list(ctx, p, all);
            })
        .onFailure(ctx::fail);
  }

  private void term(RoutingContext ctx) {
    String id = id(ctx);
    directory
        .get()
        .onSuccess(
            names -> {
              Term t = names.termsById().get(id);
              if (t == null) ctx.fail(notFound());
              else send(ctx, t.toJson().put("taxonomy_detail", t.scheme().toJson()));
            })
        .onFailure(ctx::fail);
  }

  /** A short list kept in memory: one page of it, or all of it as ndjson. */
  private static void list(RoutingContext ctx, HsdsParams p, List<JsonObject> all) {
    if (p.ndjson()) {
      HsdsStream.lines(ctx, all);
      return;
    }
    JsonArray contents = new JsonArray();
    long from = Math.min(all.size(), p.offset());
    for (long i = from; i < Math.min(all.size(), from + p.perPage()); i++)
      contents.add(all.get((int) i));
    send(ctx, HsdsPage.of(all.size(), p.page(), p.perPage(), contents));
  }

  private static boolean matches(String text, String search) {
    return search == null
        || text.toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT));
  }

  private static String id(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (HsdsIds.parse(id) == null) throw HttpError.badRequest("id 应为 UUID");
    return id.toLowerCase(Locale.ROOT);
  }

  private static HttpError notFound() {
    return HttpError.notFound("没有这个编号的记录");
  }

  static void send(RoutingContext ctx, JsonObject body) {
    ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
  }
}

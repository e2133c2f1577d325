package cn.shegong.portal.hsds;

import cn.shegong.portal.db.ContentVersions;
import cn.shegong.portal.hsds.HsdsTaxonomy.Term;
import cn.shegong.portal.stations.StationCatalog;
import cn.shegong.portal.stations.StationCatalog.Listed;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * HSDS identifiers back to what they name: a station's slug, an organisation's name, a taxonomy
 * term. Name-based ids cannot be reversed, so the map is computed (on a worker) from the names in
 * use and kept until the stations' version moves.
 */
final class HsdsDirectory {
  record Names(
      Map<String, String> serviceSlugs,
      Map<String, String> serviceAtLocationSlugs,
      Map<String, String> organizations,
      List<String> organizationNames,
      List<Term> terms,
      Map<String, Term> termsById) {}

  private final Vertx vertx;
  private final StationCatalog catalog;
  private final Supplier<ContentVersions.Stations> version;
  private ContentVersions.Stations keptVersion;
  private Future<Names> kept;

  HsdsDirectory(Vertx vertx, StationCatalog catalog, Supplier<ContentVersions.Stations> version) {
    this.vertx = vertx;
    this.catalog = catalog;
    this.version = version;
  }

  Future<Names> get() {
    ContentVersions.Stations v = version.get();
    if (v != null && kept != null && v.equals(keptVersion)) return kept;
    Future<Names> built = build();
    if (v != null) {
      keptVersion = v;
      kept = built;
      built.onFailure(
          e -> {
            if (kept == built) kept = null;
          });
    }
    return built;
  }

  private Future<Names> build() {
    return Future.all(
            catalog.slugs(),
            catalog.organizations(),
            catalog.distinct(Listed.SERVICES),
            catalog.distinct(Listed.TARGET_GROUPS))
        .compose(
            all ->
                vertx.executeBlocking(
                    () -> {
                      List<String> slugs = all.resultAt(0);
                      List<String> orgs = all.resultAt(1);
                      Map<String, String> services = new HashMap<>();
                      Map<String, String> sals = new HashMap<>();
                      for (String slug : slugs) {
                        services.put(HsdsIds.service(slug), slug);
                        sals.put(HsdsIds.serviceAtLocation(slug), slug);
                      }
                      Map<String, String> organizations = new HashMap<>();
                      for (String o : orgs) organizations.put(HsdsIds.organization(o), o);
                      List<Term> terms = HsdsTaxonomy.all(all.resultAt(2), all.resultAt(3));
                      Map<String, Term> byId = new HashMap<>();
                      for (Term t : terms) byId.put(t.id(), t);
                      return new Names(services, sals, organizations, orgs, terms, byId);
                    }));
  }
}

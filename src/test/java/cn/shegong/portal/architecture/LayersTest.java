package cn.shegong.portal.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The package graph of the portal's main code: layers that only point down (common and config, db,
 * web, features, app) and features that never form a cycle nor reach into another feature's routes.
 */
@DisplayName("The architecture: dependencies run one way")
class LayersTest {
  static final String ROOT = "cn.shegong.portal";
  static final List<String> FEATURES =
      List.of(
          "news",
          "stations",
          "search",
          "editor",
          "site",
          "seeds",
          "synthetic",
          "helplines",
          "hsds",
          "privacy");

  static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  static String[] featurePackages() {
    return FEATURES.stream().map(f -> ROOT + "." + f + "..").toArray(String[]::new);
  }

  @Test
  @DisplayName(
      "no package of the portal depends, directly or round about, on one that depends on it")
  void noCycles() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  @DisplayName("config → db → web → features → app: nothing imports a layer above its own")
  void layers() {
    layeredArchitecture()
        .consideringOnlyDependenciesInAnyPackage(ROOT + "..")
        .layer("Common")
        .definedBy(ROOT + ".common..")
        .layer("Config")
        .definedBy(ROOT + ".config..")
        .layer("Db")
        .definedBy(ROOT + ".db..")
        .layer("Web")
        .definedBy(ROOT + ".web..")
        .layer("Features")
        .definedBy(featurePackages())
        .layer("App")
        .definedBy(ROOT + ".app..")
        .whereLayer("App")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Features")
        .mayOnlyBeAccessedByLayers("App")
        .whereLayer("Web")
        .mayOnlyBeAccessedByLayers("Features", "App")
        .whereLayer("Db")
        .mayOnlyBeAccessedByLayers("Web", "Features", "App")
        .whereLayer("Config")
        .mayOnlyBeAccessedByLayers("Db", "Web", "Features", "App")
        .whereLayer("Common")
        .mayOnlyBeAccessedByLayers("Config", "Db", "Web", "Features", "App")
        .check(classes);
  }

  @Test
  @DisplayName(
      "a feature never uses another feature's routes: only its records, repositories and small interfaces")
  void featuresMeetThroughInterfaces() {
    for (String feature : FEATURES) {
      String own = ROOT + "." + feature;
      noClasses()
          .that()
          .resideInAPackage(own + "..")
          .should()
          .dependOnClassesThat(
              describe(
                  "are routes of another feature",
                  (JavaClass c) ->
                      c.getSimpleName().endsWith("Routes")
                          && !c.getPackageName().startsWith(own)
                          && FEATURES.stream()
                              .anyMatch(f -> c.getPackageName().startsWith(ROOT + "." + f))))
          .check(classes);
    }
  }
}

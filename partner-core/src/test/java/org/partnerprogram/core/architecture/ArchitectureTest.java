package org.partnerprogram.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the hexagon honest (buckpal's DependencyRuleTests, in ArchUnit). */
class ArchitectureTest {
  private static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.partnerprogram.core");
  }

  @Test
  void theDomainDependsOnlyOnTheJdkImmutablesAndSlf4j() {
    // javax.crypto is the JDK's too: PseudonymKey computes its HMAC with it.
    classes()
        .that()
        .resideInAPackage("org.partnerprogram.core.domain..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "javax.crypto..",
            "org.partnerprogram.core.domain..",
            "org.immutables..",
            "org.slf4j..")
        .check(core);
  }

  @Test
  void portsDependOnlyOnTheDomain() {
    classes()
        .that()
        .resideInAnyPackage("org.partnerprogram.core.port..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "org.partnerprogram.core.domain..",
            "org.partnerprogram.core.port..",
            "org.partnerprogram.core.export..")
        .check(core);
  }

  @Test
  void exportDependsOnlyOnTheJdkAndTheDomain() {
    classes()
        .that()
        .resideInAPackage("org.partnerprogram.core.export..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..", "org.partnerprogram.core.domain..", "org.partnerprogram.core.export..")
        .check(core);
  }

  @Test
  void theCoreNeverImportsAnAdapter() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.partnerprogram.core.domain..",
            "org.partnerprogram.core.port..",
            "org.partnerprogram.core")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.partnerprogram.core.adapter..", "org.partnerprogram.jdbc..")
        .check(core);
  }

  @Test
  void nothingUsesJacksonOutsideAJsonPackage() {
    noClasses()
        .that()
        .resideOutsideOfPackage("..json..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.fasterxml.jackson..")
        .check(core);
  }

  @Test
  void theCoreUsesNoFrameworkNoJdbcAndNoSystemClock() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "jakarta..", "javax.persistence..", "java.sql..")
        .check(core);
    noClasses()
        .that()
        .resideInAnyPackage("org.partnerprogram.core.domain..", "org.partnerprogram.core")
        .should()
        .callMethod(java.time.Instant.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .check(core);
  }

  @Test
  void internalsAreNotUsedByThePorts() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.partnerprogram.core.domain..",
            "org.partnerprogram.core.port..",
            "org.partnerprogram.core.export..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.partnerprogram.core")
        .check(core);
  }

  /**
   * The boundary a host cannot cross by accident: the use cases are package-private classes behind
   * the facade, so the only public types of the root package are the API. (Not JPMS: most hosts run
   * on the class path, where a module-info would be ignored.)
   */
  @Test
  void theOnlyPublicClassesOfTheRootPackageAreTheApi() {
    classes()
        .that()
        .resideInAPackage("org.partnerprogram.core")
        .and()
        .arePublic()
        .should()
        .haveNameMatching(
            "org\\.partnerprogram\\.core\\.(PartnerProgram|PartnerProgram\\$Builder|RetryPolicy)")
        .check(core);
  }

  @Test
  void thereIsNoInternalPackage() {
    noClasses().should().resideInAPackage("org.partnerprogram.core.internal..").check(core);
  }
}

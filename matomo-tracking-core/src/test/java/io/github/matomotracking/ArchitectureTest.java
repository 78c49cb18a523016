package io.github.matomotracking;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package boundaries of docs/architecture.md, checked on the compiled classes. */
class ArchitectureTest {

  private static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.github.matomotracking");
  }

  @Test
  void modelAndMappingDoNoIoAndKnowNothingOfTransportOrOrchestration() {
    noClasses().that().resideInAnyPackage(
            "io.github.matomotracking.model..", "io.github.matomotracking.mapping..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.github.matomotracking.client..",
            "io.github.matomotracking.sync..",
            "io.github.matomotracking.port..",
            "java.net.http..",
            "java.net..",
            "java.io..",
            "java.nio.file..",
            "java.util.concurrent..",
            "java.util.regex..")
        .because("mapping is a pure function of a visit and a lookup snapshot")
        .check(core);
  }

  @Test
  void modelDoesNotDependOnMapping() {
    noClasses().that().resideInAPackage("io.github.matomotracking.model..")
        .should().dependOnClassesThat().resideInAnyPackage("io.github.matomotracking.mapping..")
        .check(core);
  }

  @Test
  void onlyTheClientTouchesHttp() {
    noClasses().that().resideOutsideOfPackage("io.github.matomotracking.client..")
        .should().dependOnClassesThat().resideInAPackage("java.net.http..")
        .check(core);
  }

  @Test
  void modelAndMappingReadNoClockAndStartNoThread() {
    noClasses().that().resideInAnyPackage(
            "io.github.matomotracking.model..", "io.github.matomotracking.mapping..")
        .should().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
        .orShould().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .check(core);
  }
}

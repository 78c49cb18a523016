package io.github.matomotracking.mapping;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The mapping package stays a pure function: no I/O, HTTP, clocks or threads. */
class MappingIsPureTest {

  private static final JavaClasses MAPPING = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.github.matomotracking.mapping");

  @Test
  void usesNeitherTheClientNorTheSyncEngine() {
    noClasses().that().resideInAPackage("io.github.matomotracking.mapping..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.github.matomotracking.client..", "io.github.matomotracking.sync..", "io.github.matomotracking.port..")
        .check(MAPPING);
  }

  @Test
  void doesNoIoAndReadsNoClockAndStartsNoThread() {
    noClasses().that().resideInAPackage("io.github.matomotracking.mapping..")
        .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.io..", "java.nio.file..",
            "java.util.concurrent..", "java.util.regex..")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .check(MAPPING);
  }
}

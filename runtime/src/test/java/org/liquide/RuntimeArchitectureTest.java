package org.liquide;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * One way up through the packages of all three modules (the runtime's classpath holds config's and hardware's
 * classes too): each package is a slice, and no chain of dependencies leads from a package back to itself. At the
 * top, the composition root ({@code app}) is used only by the commands; the show and its configuration model stay
 * below the panel and the command line.
 */
class RuntimeArchitectureTest {
    /** The modules' own classes, read where they were built (scanning the whole classpath takes a minute). */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importLocations(Stream.of(org.liquide.cli.Main.class, org.liquide.hardware.node.NodeMain.class, org.liquide.config.YamlDocument.class)
                    .map(type -> Location.of(type.getProtectionDomain().getCodeSource().getLocation()))
                    .collect(Collectors.toSet()));

    @Test
    void noPackageCycles() {
        slices().matching("org.liquide.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void onlyTheCommandsUseTheCompositionRoot() {
        noClasses().that().resideOutsideOfPackages("org.liquide.app..", "org.liquide.cli..", "org.liquide.soak..", "org.liquide.bench..")
                .should().dependOnClassesThat().resideInAPackage("org.liquide.app..")
                .check(CLASSES);
    }

    @Test
    void theShowKnowsNothingOfThePanel() {
        noClasses().that().resideInAPackage("org.liquide.show..")
                .should().dependOnClassesThat().resideInAnyPackage("org.liquide.control..", "org.liquide.cli..")
                .check(CLASSES);
    }

    @Test
    void theShowcaseModelKnowsNothingOfTheRunningShow() {
        noClasses().that().resideInAPackage("org.liquide.showcase..")
                .should().dependOnClassesThat().resideInAnyPackage("org.liquide.show..", "org.liquide.control..", "org.liquide.cli..")
                .check(CLASSES);
    }
}

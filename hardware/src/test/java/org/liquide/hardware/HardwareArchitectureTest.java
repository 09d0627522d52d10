package org.liquide.hardware;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The node's code goes one way up through its packages, and stays what a Raspberry Pi can run: it depends on
 * its own packages, the config module and its libraries, never on the runtime's (which would pull LWJGL and
 * ONNX Runtime onto the Pi).
 */
class HardwareArchitectureTest {
    /** The packages the hardware module owns. */
    private static final String[] HARDWARE_PACKAGES = {"org.liquide.hardware..", "org.liquide.systemd.."};
    /** All of Liquide that the hardware module may use. */
    private static final String[] HARDWARE_MAY_USE = {"org.liquide.hardware..", "org.liquide.systemd..", "org.liquide.config.."};

    /** The modules' own classes, read where they were built (scanning the whole classpath takes a minute). */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importLocations(Stream.of(org.liquide.hardware.node.NodeMain.class, org.liquide.config.YamlDocument.class)
                    .map(type -> Location.of(type.getProtectionDomain().getCodeSource().getLocation()))
                    .collect(Collectors.toSet()));

    @Test
    void noPackageCycles() {
        slices().matching("org.liquide.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void hardwareDependsOnNoRuntimePackage() {
        noClasses().that().resideInAnyPackage(HARDWARE_PACKAGES)
                .should().dependOnClassesThat(resideInAPackage("org.liquide..").and(not(resideInAnyPackage(HARDWARE_MAY_USE))))
                .check(CLASSES);
    }
}

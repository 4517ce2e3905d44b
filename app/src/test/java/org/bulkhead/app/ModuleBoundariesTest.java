package org.bulkhead.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of ARCHITECTURE.md: dependencies point downwards only, model stays pure. */
class ModuleBoundariesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        // The shared test doubles come as a test jar, which the predefined option does not know.
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.bulkhead");
    }

    @Test
    void modelDependsOnNoToolkitNoNativeBindingAndNoAdapter() {
        noClasses().that().resideInAPackage("org.bulkhead.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.libvirt..", "com.sun.jna..",
                        "org.bulkhead.libvirt..", "org.bulkhead.hostsec..", "org.bulkhead.ui..", "org.bulkhead.app..")
                .check(classes);
    }

    @Test
    void viewsTalkToPortsNeverToAdapters() {
        noClasses().that().resideInAPackage("org.bulkhead.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.libvirt..", "com.sun.jna..",
                        "org.bulkhead.libvirt..", "org.bulkhead.hostsec..", "org.bulkhead.app..")
                .check(classes);
    }

    @Test
    void libvirtAdapterKnowsNeitherTheUiNorTheHostSecurityAdapter() {
        noClasses().that().resideInAPackage("org.bulkhead.libvirt..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.bulkhead.hostsec..",
                        "org.bulkhead.ui..", "org.bulkhead.app..")
                .check(classes);
    }

    @Test
    void hostSecurityAdapterKnowsNeitherTheUiNorLibvirt() {
        noClasses().that().resideInAPackage("org.bulkhead.hostsec..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.libvirt..",
                        "org.bulkhead.libvirt..", "org.bulkhead.ui..", "org.bulkhead.app..")
                .check(classes);
    }

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        slices().matching("org.bulkhead.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void codeLogsThroughSystemLoggerAndOnlyTheDebugSwitchConfiguresTheBackend() {
        noClasses().that().resideInAPackage("org.bulkhead..")
                .and().haveNameNotMatching("org\\.bulkhead\\.app\\.DebugLog(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.slf4j..",
                        "org.apache.logging..", "org.apache.commons.logging..")
                .because("one logging API (System.Logger) for all of Bulkhead; --debug sets up its output once")
                .check(classes);
    }
}

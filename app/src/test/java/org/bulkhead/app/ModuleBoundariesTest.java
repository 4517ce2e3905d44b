package org.bulkhead.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
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
}

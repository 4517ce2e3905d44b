package org.bulkhead.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.bulkhead.libvirt.LibvirtHypervisor;
import org.bulkhead.model.hypervisor.HypervisorConnection;
import org.bulkhead.model.osinfo.GuestOs;
import org.bulkhead.model.osinfo.OsCatalog;
import org.bulkhead.ui.common.SameThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operating system: recognised from a real ISO's volume label, searched for, and without libosinfo's database. */
class WizardOsTest {

    private final String prefix = WizardFixtures.uniqueName("os");
    private NewVmWizardViewModel wizard;

    private NewVmWizardViewModel open(java.util.function.Supplier<OsCatalog> catalogs) {
        wizard = new NewVmWizardViewModel(WizardFixtures.testDriver(), new SameThreadTaskExecutor(), Runnable::run,
                List.of(WizardFixtures.TEST_URI), catalogs);
        return wizard;
    }

    @AfterEach
    void close() {
        if (wizard != null) {
            wizard.close();
        }
        try (HypervisorConnection check = new LibvirtHypervisor().open(WizardFixtures.TEST_URI)) {
            WizardFixtures.removeDomains(check, prefix);
        }
    }

    @Test
    void aDebianIsosVolumeLabelNamesItsSystemAndItsRecommendationsFillTheAnswers(@TempDir Path dir) {
        Path iso = WizardFixtures.makeIso(dir, "Debian 11.5.0 amd64 n");
        open(WizardOs::systemCatalog);
        wizard.nameProperty().set(prefix + "-deb");
        wizard.next();
        wizard.isoPathProperty().set(iso.toString());
        wizard.next();

        assertEquals(WizardPage.RESOURCES, wizard.pageProperty().get(), wizard.pageErrorProperty().get());
        assertEquals("Debian 11", wizard.osProperty().get().name());
        assertTrue(wizard.osDetectionProperty().get().contains("“Debian 11.5.0 amd64 n”"),
                wizard.osDetectionProperty().get());
        assertEquals("20", wizard.diskGiBProperty().get(), "Debian 11 recommends 20 GiB; the generic default is 10");
        assertEquals("1024", wizard.memoryMiBProperty().get());
        assertTrue(wizard.osRecommendationProperty().get().contains("virtio disk and network"),
                wizard.osRecommendationProperty().get());

        wizard.memoryMiBProperty().set("256");
        wizard.next();
        wizard.next();
        wizard.next();
        assertEquals(WizardPage.SUMMARY, wizard.pageProperty().get(), wizard.pageErrorProperty().get());
        assertTrue(wizard.domainXmlProperty().get().contains("<libosinfo:os id=\"http://debian.org/debian/11\"/>"),
                wizard.domainXmlProperty().get());
    }

    @Test
    void aSystemFoundBySearchWithoutVirtioDriversGetsSataAndE1000() {
        open(WizardOs::systemCatalog);
        wizard.osQueryProperty().set("windows xp");
        List<GuestOs> found = wizard.osChoices();
        assertEquals(WizardOs.GENERIC, found.get(0), "Generic stays offered whatever the search");
        GuestOs xp = found.stream().filter(os -> os.name().equals("Microsoft Windows XP")).findFirst()
                .orElseThrow(() -> new AssertionError(found.toString()));
        assertTrue(found.stream().skip(1).allMatch(os -> os.name().toLowerCase().contains("xp")
                || os.shortId().contains("xp")), found.toString());
        wizard.osProperty().set(xp);
        assertTrue(wizard.osRecommendationProperty().get().contains("SATA"), wizard.osRecommendationProperty().get());

        wizard.nameProperty().set(prefix + "-xp");
        wizard.next();
        wizard.sourceKindProperty().set(SourceKind.NETWORK);
        wizard.next();
        wizard.memoryMiBProperty().set("256");
        wizard.next();
        wizard.next();
        wizard.next();
        assertEquals(WizardPage.SUMMARY, wizard.pageProperty().get(), wizard.pageErrorProperty().get());
        String xml = wizard.domainXmlProperty().get();
        assertTrue(xml.contains("bus=\"sata\""), xml);
        assertTrue(xml.contains("type=\"e1000\""), xml);
    }

    @Test
    void withoutLibosinfosDatabaseTheWizardSaysWhatToInstallAndKeepsGenericDefaults(@TempDir Path empty) {
        open(() -> OsCatalog.load(empty));
        assertTrue(wizard.osDetectionProperty().get().startsWith("Generic defaults: "), wizard.osDetectionProperty().get());
        assertTrue(wizard.osDetectionProperty().get().contains("osinfo-db"), wizard.osDetectionProperty().get());
        assertEquals(List.of(WizardOs.GENERIC), wizard.osChoices());
        assertEquals("10", wizard.diskGiBProperty().get());
    }
}

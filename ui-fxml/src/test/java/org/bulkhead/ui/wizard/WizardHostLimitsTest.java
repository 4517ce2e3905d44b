package org.bulkhead.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.bulkhead.hostsec.LocalHostFiles;
import org.bulkhead.libvirt.LibvirtHypervisor;
import org.bulkhead.model.provision.LabelLedgers;
import org.bulkhead.ui.common.SameThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the host behind test:///default can hold (3 GiB of memory, 16 CPUs, a 100 GiB pool) and
 * the files it can reach, refused beside the answer when Next is pressed.
 */
class WizardHostLimitsTest {

    @TempDir
    Path dir;
    private NewVmWizardViewModel wizard;

    @BeforeEach
    void open() {
        // The test driver runs in this process, so this machine's files are its files.
        wizard = new NewVmWizardViewModel(WizardFixtures.services(new LibvirtHypervisor(), Optional.empty(),
                Optional.of(new LocalHostFiles()), LabelLedgers.withDefaults()), new SameThreadTaskExecutor(),
                Runnable::run, List.of(WizardFixtures.TEST_URI));
        wizard.nameProperty().set(WizardFixtures.uniqueName("limits"));
        wizard.next();
    }

    @AfterEach
    void close() {
        wizard.close();
    }

    private void toResources() throws Exception {
        wizard.isoPathProperty().set(Files.write(dir.resolve("installer.iso"), new byte[] {0}).toString());
        wizard.next();
        assertEquals(WizardPage.RESOURCES, wizard.pageProperty().get(), wizard.pageErrorProperty().get());
    }

    @Test
    void aMissingIsoIsRefusedBesideItsFieldOnTheTestDriver() {
        wizard.isoPathProperty().set(dir.resolve("gone.iso").toString());
        wizard.next();
        assertEquals(WizardPage.SOURCE, wizard.pageProperty().get());
        assertEquals("There is no ISO at " + dir.resolve("gone.iso") + ".", wizard.pageErrorProperty().get());
        assertEquals(WizardField.ISO, wizard.errorFieldProperty().get());

        wizard.isoPathProperty().set("relative.iso");
        assertEquals("The installer ISO needs an absolute path (starting with /).", wizard.pageErrorProperty().get());
        wizard.isoPathProperty().set(dir.resolve("other.iso").toString());
        assertNull(wizard.errorFieldProperty().get(), "a new path is checked on disk when Next is pressed");
        wizard.next();
        assertEquals("There is no ISO at " + dir.resolve("other.iso") + ".", wizard.pageErrorProperty().get());
    }

    @Test
    void memoryBeyondTheHostStopsThePageBesideTheMemoryField() throws Exception {
        toResources();
        wizard.memoryMiBProperty().set("4000000");
        wizard.next();
        assertEquals(WizardPage.RESOURCES, wizard.pageProperty().get());
        assertEquals("This host has 3072 MiB of memory: give the VM at most 3072 MiB.", wizard.pageErrorProperty().get());
        assertEquals(WizardField.MEMORY, wizard.errorFieldProperty().get());
    }

    @Test
    void theMessageGoesOnceTheAnswerFitsAndNotBefore() throws Exception {
        toResources();
        wizard.memoryMiBProperty().set("4000000");
        wizard.next();
        wizard.memoryMiBProperty().set("5000");
        assertEquals("This host has 3072 MiB of memory: give the VM at most 3072 MiB.", wizard.pageErrorProperty().get(),
                "still too much");
        wizard.memoryMiBProperty().set("2048");
        assertEquals("", wizard.pageErrorProperty().get());
        assertNull(wizard.errorFieldProperty().get());
        wizard.next();
        assertEquals(WizardPage.STORAGE, wizard.pageProperty().get());
    }

    @Test
    void moreVirtualCpusThanTheHostHasAreRefusedBesideTheirField() throws Exception {
        toResources();
        wizard.vcpusProperty().set("17");
        wizard.next();
        assertEquals("This host has 16 CPUs: give the VM at most 16 virtual CPUs.", wizard.pageErrorProperty().get());
        assertEquals(WizardField.VCPUS, wizard.errorFieldProperty().get());
        wizard.vcpusProperty().set("16");
        wizard.next();
        assertEquals(WizardPage.STORAGE, wizard.pageProperty().get(), wizard.pageErrorProperty().get());
    }

    @Test
    void aDiskLargerThanThePoolsFreeSpaceIsRefusedBesideTheSize() throws Exception {
        toResources();
        wizard.next();
        wizard.diskGiBProperty().set("999999");
        wizard.next();
        assertEquals(WizardPage.STORAGE, wizard.pageProperty().get());
        assertTrue(wizard.pageErrorProperty().get().startsWith("The pool 'default-pool' has "),
                wizard.pageErrorProperty().get());
        assertEquals(WizardField.DISK_SIZE, wizard.errorFieldProperty().get());
        wizard.newVolumeProperty().set(false);
        assertNull(wizard.errorFieldProperty().get(), "no new disk, no size to refuse");
    }
}

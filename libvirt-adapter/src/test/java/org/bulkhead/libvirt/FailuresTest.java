package org.bulkhead.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bulkhead.model.hypervisor.HypervisorException;
import org.junit.jupiter.api.Test;

/** libvirt's error text reaches the user with its cause, without repetition or pages of detail. */
class FailuresTest {

    private static String shown(String libvirtText) {
        return Failures.operation("start domain 'web'", new Exception(libvirtText), false).getMessage();
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void aShortMessageIsShownAsLibvirtWroteIt() {
        assertEquals("Could not start domain 'web': Requested operation is not valid: domain is already running",
                shown("Requested operation is not valid: domain is already running"));
    }

    @Test
    void qemuLogLinesRepeatedWithTimestampsAppearOnceAndTheCauseStays() {
        StringBuilder raw = new StringBuilder("internal error: process exited while connecting to monitor: ");
        for (int i = 0; i < 200; i++) {
            raw.append(String.format("2024-05-01T10:00:%02d.%06dZ qemu-system-x86_64: warning: host doesn't"
                    + " support requested feature: CPUID.01H:ECX.vmx [bit 5]%n", i % 60, i));
        }
        raw.append("2024-05-01T10:00:59.999999Z qemu-system-x86_64: -blockdev {\"driver\":\"file\"}:"
                + " Could not open '/var/lib/libvirt/images/web.qcow2': Permission denied");
        String message = shown(raw.toString());
        assertTrue(message.endsWith("Could not open '/var/lib/libvirt/images/web.qcow2': Permission denied"), message);
        assertEquals(1, occurrences(message, "host doesn't support requested feature"), message);
        assertTrue(message.length() < 600, message.length() + " characters: " + message);
    }

    @Test
    void aPhraseLibvirtRepeatsIsShownOnce() {
        String message = shown("Unable to read from monitor: Connection reset by peer: "
                + "Unable to read from monitor: Connection reset by peer");
        assertEquals("Could not start domain 'web': Unable to read from monitor: Connection reset by peer", message);
    }

    @Test
    void anXmlDumpIsLeftOutEvenWhenLibvirtCutItShort() {
        String dump = "<domain type='kvm'><name>web</name><memory unit='KiB'>1048576</memory>"
                + "<devices>" + "<disk type='file' device='disk'><source file='/a.img'/></disk>".repeat(40)
                + "<disk type='fi";
        String message = shown("XML error: Invalid value for attribute 'bus' in element 'target': 'virtoi'. "
                + "Domain XML: " + dump);
        assertTrue(message.contains("Invalid value for attribute 'bus' in element 'target': 'virtoi'"), message);
        assertFalse(message.contains("<disk"), message);
        assertTrue(message.contains("characters of XML left out"), message);
    }

    @Test
    void aShortXmlFragmentThatNamesTheProblemStays() {
        String text = "unsupported configuration: <label> must not be combined with relabel='no' in <seclabel>";
        assertEquals("Could not start domain 'web': " + text, shown(text));
    }

    @Test
    void aLongUniqueMessageKeepsItsStartAndEnd() {
        StringBuilder raw = new StringBuilder("operation failed: migration job: ");
        for (int i = 0; i < 300; i++) {
            raw.append("step").append(i).append(' ');
        }
        raw.append("unexpectedly failed because the disk is full");
        String message = shown(raw.toString());
        assertTrue(message.startsWith("Could not start domain 'web': operation failed: migration job: step0"), message);
        assertTrue(message.endsWith("unexpectedly failed because the disk is full"), message);
        assertTrue(message.contains("[\u2026]"), message);
        assertTrue(message.length() <= "Could not start domain 'web': ".length() + Failures.MAX_REASON + 10, message);
    }

    @Test
    void theFullTextStaysOnTheCauseForTheLog() {
        String raw = "a: b: a: b " + "x".repeat(2000);
        Exception cause = new Exception(raw);
        HypervisorException e = Failures.operation("start domain 'web'", cause, false);
        assertSame(cause, e.getCause());
        assertEquals(raw, e.getCause().getMessage());
    }
}

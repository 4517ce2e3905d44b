package org.bulkhead.model.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import org.junit.jupiter.api.Test;

class KioskProfileTest {

    @Test
    void aWrittenProfileReadsBackTheSame() {
        KioskProfile profile = new KioskProfile("qemu:///system", "guest-desktop", OptionalLong.of(1024),
                List.of("guest1", "guest2"), List.of("kiosk"), false, true);
        assertEquals(profile, KioskProfile.parse(profile.toFileText(), "kiosk.conf"));
    }

    @Test
    void leftOutKeysMeanFullScreenNoNetworkAndTheSystemDaemon() {
        KioskProfile profile = KioskProfile.parse("# a kiosk\ntemplate = desk\nusers = guest\n", "kiosk.conf");
        assertTrue(profile.fullScreen());
        assertFalse(profile.network(), "a guest session gets no network unless the administrator says so");
        assertEquals("qemu:///system", profile.connect());
        assertEquals(OptionalLong.empty(), profile.memoryMiB());
    }

    @Test
    void onlyTheNamedUsersAndMembersOfTheNamedGroupsGetTheKiosk() {
        KioskProfile profile = KioskProfile.parse("template = desk\nusers = guest\ngroups = kiosk\n", "k");
        assertTrue(profile.allows("guest", Set.of()));
        assertTrue(profile.allows("visitor", Set.of("users", "kiosk")));
        assertFalse(profile.allows("visitor", Set.of("users")));
        assertFalse(profile.allows("root", Set.of("root")));
    }

    @Test
    void aMistakeIsReportedWithItsLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KioskProfile.parse("template = desk\nusers = guest\ndisplay = huge\n", "/etc/bulkhead/kiosk.conf"));
        assertEquals("/etc/bulkhead/kiosk.conf: display: 'huge' must be fullscreen or windowed", e.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> KioskProfile.parse("template = desk\nuser = guest\n", "k"));
        assertTrue(unknown.getMessage().startsWith("k, line 2: unknown key 'user'"), unknown.getMessage());
    }

    @Test
    void aKioskForNobodyIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KioskProfile.parse("template = desk\n", "k"));
        assertTrue(e.getMessage().contains("name at least one local user or group"), e.getMessage());
    }

    @Test
    void aUserNameThatCouldSmuggleARuleInIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> KioskProfile.parse("template = desk\nusers = a\"b\n", "k"));
    }
}

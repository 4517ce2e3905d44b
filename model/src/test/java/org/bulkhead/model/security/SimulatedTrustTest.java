package org.bulkhead.model.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.bulkhead.model.isolation.DomainEnforcement;
import org.junit.jupiter.api.Test;

/** On libvirt's test driver nothing is enforced: a VM with a label of its own still reads as the user's choice. */
class SimulatedTrustTest {

    private static final DomainEnforcement SIMULATED = new DomainEnforcement(DomainEnforcement.Verdict.SIMULATED,
            "simulated", "Simulated by the test driver: the label is recorded, nothing is enforced.");

    @Test
    void anIsolatedVmOnTheTestDriverIsSimulatedIsolationNotAWeakChoice() {
        Trust own = TrustAssessment.assess(Optional.of(new SeclabelView("testSecurity", "static", true,
                Optional.of("system_u:system_r:svirt_t:s0:c12,c34"), Optional.empty())), SIMULATED, Optional.empty());
        assertEquals(Trust.Level.WEAK, own.level(), "nothing enforces it");
        assertTrue(own.simulated());
        assertTrue(own.reason().startsWith("Simulated isolation: a label of its own"), own.reason());
    }

    @Test
    void aSharedLabelOnTheTestDriverStaysPlainlyWeak() {
        Trust shared = TrustAssessment.assess(Optional.of(new SeclabelView("testSecurity", "static", true,
                Optional.of("system_u:system_r:svirt_t:s0"), Optional.empty())), SIMULATED, Optional.empty());
        assertEquals(Trust.Level.WEAK, shared.level());
        assertFalse(shared.simulated(), "not isolated, whatever the driver");
    }
}

package org.bulkhead.model.hostsec;

import java.util.List;
import java.util.Map;

/**
 * The security driver the local host uses: its model name (selinux, apparmor, dac, none), DOI,
 * enforcing state and base contexts (SELinux: keys "domain", "domain.tcg", "image", "content"),
 * and notes on what could not be determined or is missing, for showing beside the state.
 */
public record SecurityDriverInfo(String model, String doi, Enforcement enforcement,
        Map<String, String> baseContexts, List<String> notes) {

    public SecurityDriverInfo {
        baseContexts = Map.copyOf(baseContexts);
        notes = List.copyOf(notes);
    }

    /** A driver whose state needs no explanation. */
    public SecurityDriverInfo(String model, String doi, Enforcement enforcement,
            Map<String, String> baseContexts) {
        this(model, doi, enforcement, baseContexts, List.of());
    }

    public enum Enforcement {
        ENFORCING("enforcing"),
        PERMISSIVE("permissive"),
        /** AppArmor profiles in complain mode. */
        COMPLAIN("complain"),
        DISABLED("disabled"),
        /** DAC: file ownership and modes, always in force. */
        DAC_ONLY("DAC only"),
        NONE("none");

        private final String label;

        Enforcement(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}

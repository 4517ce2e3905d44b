package org.bulkhead.ui.wizard;

/** Where the new VM's system comes from. */
public enum SourceKind {
    ISO("Install from an ISO image"),
    IMPORT("Import an existing disk image"),
    NETWORK("None: boot from the network");

    private final String label;

    SourceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}

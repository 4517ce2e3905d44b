package org.bulkhead.ui.wizard;

/** The New VM wizard's pages, in order. */
public enum WizardPage {
    NAME("Name and connection"),
    SOURCE("Install source"),
    RESOURCES("Operating system, memory and CPUs"),
    STORAGE("Storage"),
    NETWORK("Network"),
    SUMMARY("Summary"),
    /** After Finish: progress, then the outcome and the labels read back. */
    RESULT("Creating the VM");

    private final String title;

    WizardPage(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    WizardPage next() {
        return values()[Math.min(ordinal() + 1, values().length - 1)];
    }

    WizardPage previous() {
        return values()[Math.max(ordinal() - 1, 0)];
    }
}

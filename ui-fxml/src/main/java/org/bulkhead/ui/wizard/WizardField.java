package org.bulkhead.ui.wizard;

/** An answer in the wizard that a validation message can be about, shown beside it. */
public enum WizardField {
    NAME, ISO, IMAGE, MEMORY, VCPUS, POOL, DISK_SIZE
}

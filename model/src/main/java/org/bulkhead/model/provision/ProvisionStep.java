package org.bulkhead.model.provision;

/** The steps of Finish, in order; each reports to a {@link ProvisionListener}. */
public enum ProvisionStep {
    CHECK_LABEL("Check the label is still free"),
    PREPARE_HOST("Prepare storage and network"),
    CREATE_VOLUME("Create the disk volume"),
    DEFINE("Define the VM"),
    START("Start the VM"),
    VERIFY("Read back the labels"),
    ROLL_BACK("Undo what was created");

    private final String label;

    ProvisionStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

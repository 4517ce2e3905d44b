package org.bulkhead.model.provision;

/** Hears Finish's progress, on the thread that runs it; the wizard forwards it to the UI thread. */
@FunctionalInterface
public interface ProvisionListener {

    enum State { RUNNING, DONE, SKIPPED, FAILED }

    void step(ProvisionStep step, State state, String detail);

    ProvisionListener NONE = (step, state, detail) -> { };
}

package org.bulkhead.model.console;

import java.util.Objects;
import java.util.Optional;

/** How a domain's console can be reached from here, or why it cannot. */
public sealed interface ConsoleRoute {

    /** One line for the details window: how the console is reached, or why not. */
    String describe();

    /**
     * libvirt's {@code virDomainOpenGraphicsFD}: the daemon asks QEMU for a new client socket and
     * passes its descriptor over the local libvirt socket. No port is opened and no password
     * asked (the libvirt connection already proves the right to the console).
     *
     * @param index    which {@code <graphics>} device (0 for the first)
     * @param listener what the XML says the VM listens on, for the description
     * @param fallback a loopback TCP listener to use if the daemon cannot pass descriptors
     */
    record ThroughLibvirt(int index, String listener, Optional<LoopbackTcp> fallback) implements ConsoleRoute {
        public ThroughLibvirt {
            Objects.requireNonNull(listener, "listener");
            Objects.requireNonNull(fallback, "fallback");
        }

        @Override
        public String describe() {
            return "VNC through libvirt's graphics channel (a descriptor passed by the local daemon, no network port); "
                    + "the VM listens on " + listener + ".";
        }
    }

    /**
     * A VNC server listening on this machine's loopback interface. Its password, if it has one,
     * is only in the secure XML, so it is read when connecting.
     */
    record LoopbackTcp(int index, String address, int port) implements ConsoleRoute {
        @Override
        public String describe() {
            return "VNC on " + address + ":" + port + " (loopback only; with the password from the VM's secure XML if it has one).";
        }
    }

    /**
     * No console: the VM is off, has no graphics, speaks only SPICE, or sits on a host this route
     * does not reach yet.
     *
     * @param reason what is wrong, for the user
     * @param hint   what to do about it
     * @param waits  true when the console connects by itself once the VM runs (it is only off)
     */
    record Unavailable(String reason, String hint, boolean waits) implements ConsoleRoute {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(hint, "hint");
        }

        @Override
        public String describe() {
            return hint.isEmpty() ? reason : reason + " " + hint;
        }
    }
}

package org.bulkhead.model.console;

import java.util.ArrayList;
import java.util.List;
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
     * The system's {@code ssh} to the VM's host, running there a small relay between ssh's
     * standard input and output and the VNC listener: the VM's UNIX socket, or a listener on that
     * host's own loopback interface. The relay runs as the user ssh logs in as, in that user's
     * security context; ssh's own forwarding ({@code -W}, {@code -L}) would open the socket as the
     * SSH daemon, which SELinux rightly keeps out of libvirt's directories. On an SELinux host
     * the relay runs at the VM's own MCS level ({@code runcon -l}): QEMU may write only to peers
     * its categories dominate, which is the isolation itself at work (libvirt labels the socket it
     * hands QEMU for a local console the same way). Nothing listens on a
     * network for the console at either end, and the user's ssh configuration, agent and known
     * hosts apply, as they do to the libvirt connection itself.
     *
     * @param index  which {@code <graphics>} device
     * @param ssh    the ssh command line up to and including the destination
     * @param host   the host, for messages
     * @param target the socket path, or {@code address:port} of a loopback listener on the host
     * @param socket whether {@code target} is a UNIX socket
     * @param level  the VM's SELinux level ({@code s0:c1,c2}) from its live label, when it has one
     */
    record OverSsh(int index, List<String> ssh, String host, String target, boolean socket, Optional<String> level)
            implements ConsoleRoute {
        public OverSsh {
            ssh = List.copyOf(ssh);
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(level, "level");
        }

        /** The whole command: ssh running the relay on the host. */
        public List<String> command() {
            List<String> command = new ArrayList<>(ssh);
            command.add(remoteCommand());
            return List.copyOf(command);
        }

        /** What ssh runs on the host: one line for its shell, every value quoted. */
        public String remoteCommand() {
            return "sh -c " + ShellWords.quote(SshRelay.SCRIPT) + " sh " + ShellWords.quote(socket ? "unix" : "tcp")
                    + " " + ShellWords.quote(target) + " " + ShellWords.quote(SshRelay.PYTHON)
                    + " " + ShellWords.quote(level.orElse(""));
        }

        @Override
        public String describe() {
            return socket
                    ? "VNC through SSH to " + host + ", relayed there to the VM's UNIX socket (" + target + ")"
                            + level.map(l -> " at the VM's own SELinux level " + l).orElse("")
                            + "; no port is opened on either machine."
                    : "VNC through SSH to " + host + ", relayed there to its loopback listener " + target
                            + " (with the password from the VM's secure XML if it has one).";
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

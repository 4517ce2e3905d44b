package org.bulkhead.model.console;

/**
 * The relay a console over SSH runs on the VM's host: copies ssh's standard input to the VNC
 * listener and the listener's bytes back, with Python 3 (on nearly every libvirt host), else
 * OpenBSD netcat's {@code -U} for a socket. A failure to connect is one line on the error stream,
 * which the user then reads.
 */
final class SshRelay {

    /**
     * {@code sh -c SCRIPT sh KIND TARGET PYTHON LEVEL}: KIND is unix or tcp; LEVEL, when not
     * empty and SELinux is on, is the level the relay runs at.
     */
    static final String SCRIPT = """
            kind=$1 target=$2 relay=$3 level=$4
            set --
            if [ -n "$level" ] && [ -r /sys/fs/selinux/enforce ]; then
                set -- runcon -l "$level"
            fi
            if command -v python3 >/dev/null 2>&1; then exec "$@" python3 -c "$relay" "$kind" "$target"; fi
            if [ "$kind" = unix ] && nc -h 2>&1 | grep -q -- ' -U'; then exec "$@" nc -U "$target"; fi
            echo "$(hostname) has neither python3 nor netcat with -U, which the console relay needs there" >&2
            exit 127
            """;

    static final String PYTHON = """
            import os, socket, sys, threading
            kind, target = sys.argv[1], sys.argv[2]
            try:
                if kind == 'unix':
                    s = socket.socket(socket.AF_UNIX)
                    s.connect(target)
                else:
                    host, port = target.rsplit(':', 1)
                    s = socket.create_connection((host, int(port)), 10)
                    s.settimeout(None)
            except OSError as e:
                sys.stderr.write('cannot open %s on this host: %s\\n' % (target, e.strerror or e))
                sys.exit(1)
            def upstream():
                try:
                    while True:
                        data = os.read(0, 65536)
                        if not data:
                            break
                        s.sendall(data)
                except OSError:
                    pass
                try:
                    s.shutdown(socket.SHUT_WR)
                except OSError:
                    pass
            threading.Thread(target=upstream, daemon=True).start()
            out = sys.stdout.buffer
            while True:
                try:
                    data = s.recv(65536)
                except OSError:
                    break
                if not data:
                    break
                out.write(data)
                out.flush()
            """;

    private SshRelay() {
    }
}

package org.bulkhead.model.console;

/** Quoting for a POSIX shell on another host, where ssh hands over one command line. */
final class ShellWords {

    private ShellWords() {
    }

    /** One word for the remote shell, whatever it contains. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}

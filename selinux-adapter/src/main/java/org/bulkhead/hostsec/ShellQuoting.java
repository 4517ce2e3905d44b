package org.bulkhead.hostsec;

/** POSIX shell quoting for commands shown to people, who may paste them into a root shell. */
final class ShellQuoting {

    private ShellQuoting() {
    }

    /**
     * One shell word for any text: single quotes keep everything literal (spaces, newlines,
     * {@code $}, backquotes), and an embedded single quote is closed, escaped and reopened.
     */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}

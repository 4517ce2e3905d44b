package org.bulkhead.app;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** {@code --debug}: Bulkhead's FINE messages on stderr, one line each with the time to the millisecond. */
final class DebugLog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    // Held here: a logger nobody references can be collected and lose its level.
    private static final Logger BULKHEAD = Logger.getLogger("org.bulkhead");

    private DebugLog() {
    }

    static void enable() {
        ConsoleHandler handler = new ConsoleHandler();
        handler.setLevel(Level.FINE);
        handler.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord record) {
                String line = "[" + TIME.format(LocalTime.now()) + " bulkhead] " + record.getLevel() + " ("
                        + record.getLoggerName() + ") " + formatMessage(record) + System.lineSeparator();
                return record.getThrown() == null ? line : line + record.getThrown() + System.lineSeparator();
            }
        });
        BULKHEAD.setLevel(Level.FINE);
        BULKHEAD.addHandler(handler);
        BULKHEAD.setUseParentHandlers(false); // the root's console handler would print INFO twice
    }
}

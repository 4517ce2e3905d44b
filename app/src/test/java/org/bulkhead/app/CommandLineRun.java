package org.bulkhead.app;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.bulkhead.app.wiring.Wiring;

/** Runs Bulkhead's command line in this JVM with the real adapters, as a user's shell would. */
public final class CommandLineRun {

    /** What one run printed and how it exited. */
    public record Result(int exitCode, String out, String err) {
    }

    private CommandLineRun() {
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var line = Main.commandLine(Wiring::real);
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        int exit = line.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}

package org.bulkhead.model.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a host command for a test and returns its exit code and combined output. */
public final class Commands {

    public record Result(int exitCode, String output) {
    }

    private Commands() {
    }

    public static Result run(String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            return new Result(process.exitValue(), output.strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }

    /** The numeric id of a group, as the system's name service knows it. */
    public static int groupId(String group) {
        Result entry = run("getent", "group", group);
        if (entry.exitCode() != 0) {
            throw new IllegalStateException("no group '" + group + "' on this host: " + entry.output());
        }
        return Integer.parseInt(entry.output().split(":")[2]);
    }
}

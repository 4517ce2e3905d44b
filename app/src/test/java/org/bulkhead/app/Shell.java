package org.bulkhead.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A command run to completion, for the real-daemon tests' set-up and their checks from outside. */
record Shell(int exit, String output) {

    static Shell run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Shell(process.waitFor(), output);
    }
}

package org.bulkhead.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads XML fixtures stored beside the tests under src/test/resources, by path from the model's root. */
public final class Fixtures {

    private Fixtures() {
    }

    /** @param name a resource under org/bulkhead/model, such as {@code host/caps-dac.xml} */
    public static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

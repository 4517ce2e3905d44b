package org.bulkhead.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads a view's FXML from the view's own package, with the view itself as controller. */
public final class Views {

    private Views() {
    }

    public static <T extends Parent> T load(Object view, String fxml) {
        URL location = view.getClass().getResource(fxml);
        if (location == null) {
            throw new IllegalStateException(fxml + " is missing beside " + view.getClass().getName());
        }
        FXMLLoader loader = new FXMLLoader(location);
        loader.setController(view);
        try {
            return loader.load();
        } catch (IOException e) {
            // The FXML ships inside the jar: failing to read it is a packaging defect, not a user error.
            throw new UncheckedIOException("cannot load " + location, e);
        }
    }
}

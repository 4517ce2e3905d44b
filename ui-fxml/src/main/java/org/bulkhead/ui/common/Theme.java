package org.bulkhead.ui.common;

import java.util.Objects;

import javafx.scene.Parent;

/** The single theme stylesheet: looked-up colours every feature stylesheet refers to. */
public final class Theme {

    private static final String URL = Objects.requireNonNull(Theme.class.getResource("theme.css"),
            "theme.css is missing from the ui-fxml jar").toExternalForm();

    private Theme() {
    }

    public static String stylesheet() {
        return URL;
    }

    /** Adds the theme to a root that is not part of the main scene, such as a dialog pane. */
    public static void apply(Parent root) {
        if (!root.getStylesheets().contains(URL)) {
            root.getStylesheets().add(0, URL);
        }
    }
}

package org.bulkhead.app.gui;

import java.util.List;

import javafx.application.Application;

/** Starts the JavaFX window with the connections named on the command line. */
public final class GuiLauncher {

    private GuiLauncher() {
    }

    /** Blocks until the window closes. */
    public static void launch(List<String> connections) {
        BulkheadApp.requestedConnections = List.copyOf(connections);
        Application.launch(BulkheadApp.class);
    }
}

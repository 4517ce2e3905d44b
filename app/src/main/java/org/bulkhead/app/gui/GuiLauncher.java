package org.bulkhead.app.gui;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import javafx.application.Application;

import org.bulkhead.app.wiring.Wiring;

/** Starts the JavaFX window with the connections named on the command line. */
public final class GuiLauncher {

    private GuiLauncher() {
    }

    /** Blocks until the window closes. */
    public static void launch(List<String> connections) {
        BulkheadApp.requestedConnections = List.copyOf(connections);
        // Loading libvirt and libselinux overlaps the toolkit's start instead of following it.
        BulkheadApp.wiring = CompletableFuture.supplyAsync(Wiring::real);
        RenderingPipeline.chooseBeforeToolkit();
        Application.launch(BulkheadApp.class);
    }
}

package org.bulkhead.app.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javafx.application.Application;

import org.bulkhead.app.wiring.Wiring;
import org.bulkhead.ui.common.Problem;
import org.bulkhead.ui.connection.KnownConnections;

/** Starts the JavaFX window with the connections named on the command line. */
public final class GuiLauncher {

    private GuiLauncher() {
    }

    /** Blocks until the window closes. */
    public static void launch(List<String> connections) {
        KnownConnections known = new KnownConnections(KnownConnections.defaultFile(System.getenv()));
        List<Problem> problems = new ArrayList<>();
        List<String> startup = BulkheadApp.startupConnections(connections, known, problems::add);
        BulkheadApp.startup = new BulkheadApp.Startup(known, startup, List.copyOf(problems));
        // Loading libvirt and libselinux, and opening the connections, overlap the toolkit's start
        // and the building of the window instead of following them.
        BulkheadApp.wiring = CompletableFuture.supplyAsync(() -> {
            Wiring wiring = Wiring.real();
            wiring.openAhead(startup);
            return wiring;
        });
        RenderingPipeline.chooseBeforeToolkit();
        Application.launch(BulkheadApp.class);
    }
}

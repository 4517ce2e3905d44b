package org.bulkhead.app.gui;

import java.lang.management.ManagementFactory;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;

import javafx.scene.Scene;

import org.bulkhead.ui.main.DomainRow;
import org.bulkhead.ui.main.MainViewModel;

/**
 * The window's start-up milestones at FINE (printed with {@code --debug}): shown, the first
 * laid-out frame with rows in the table, and the first one with every row inspected. The
 * benchmark reads these lines the way it reads virt-manager's {@code --debug} log.
 */
final class StartupLog {

    private static final Logger LOG = System.getLogger("org.bulkhead.startup");

    private final MainViewModel viewModel;
    private boolean populated;
    private boolean inspected;

    private StartupLog(MainViewModel viewModel) {
        this.viewModel = viewModel;
    }

    static void watch(Scene scene, MainViewModel viewModel) {
        if (!LOG.isLoggable(Level.DEBUG)) {
            return;
        }
        log("window shown");
        StartupLog log = new StartupLog(viewModel);
        scene.addPostLayoutPulseListener(log::afterLayout);
    }

    private void afterLayout() {
        if (inspected) {
            return;
        }
        int total = viewModel.table().size();
        if (!populated && !viewModel.rowsOnScreen().isEmpty()) {
            populated = true;
            log("first populated frame: " + viewModel.rowsOnScreen().size() + " rows on screen of " + total);
        }
        if (populated && viewModel.table().visibleRows().stream().map(DomainRow::snapshot).allMatch(s -> s.inspected())) {
            inspected = true;
            log("every row inspected: " + total + " rows");
        }
    }

    private static void log(String what) {
        LOG.log(Level.DEBUG, what + " (" + (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime())
                + " ms after the JVM started)");
    }
}

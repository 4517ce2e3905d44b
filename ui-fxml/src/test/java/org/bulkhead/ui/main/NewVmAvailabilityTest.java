package org.bulkhead.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.bulkhead.model.session.ConnectionSession;
import org.bulkhead.model.store.ConnectionStatus;
import org.bulkhead.model.store.DomainStore;
import org.bulkhead.ui.common.DecliningDialogs;
import org.bulkhead.ui.common.DialogService;
import org.bulkhead.ui.common.SameThreadTaskExecutor;
import org.bulkhead.ui.connection.KnownConnections;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * New VM (toolbar button, menu item, Ctrl+N) needs an open connection: without one it is off and
 * the window says why; once a connection is open, Ctrl+N and the button open the wizard.
 */
@ExtendWith(ApplicationExtension.class)
class NewVmAvailabilityTest {

    private static final String URI = "test:///somewhere";

    @TempDir
    static Path home;

    private final AtomicInteger opened = new AtomicInteger();
    private final CountDownLatch never = new CountDownLatch(1);
    private final DomainStore store = new DomainStore(Platform::runLater);
    private MainViewModel viewModel;

    @Start
    void start(Stage stage) {
        DialogService dialogs = DecliningDialogs.keepingErrors(problem -> { });
        // The session never gets past connecting; the test says when the connection is open.
        viewModel = new MainViewModel(store, uri -> new ConnectionSession(u -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("not reached");
        }, uri, store, c -> null, (host, record) -> null), new KnownConnections(home.resolve("connections.json")),
                new SameThreadTaskExecutor(), dialogs, Platform::runLater, Duration.ofHours(1));
        MainView view = new MainView(viewModel, row -> { }, () -> { }, () -> { });
        view.setOnNewVm(opened::incrementAndGet);
        view.show(stage);
    }

    @AfterEach
    void release() {
        never.countDown();
    }

    @Test
    void newVmIsOffWithTheReasonUntilAConnectionIsOpenThenCtrlNAndTheButtonOpenTheWizard(FxRobot robot) {
        Button button = robot.lookup("#newVmButton").queryButton();
        StatusBar status = robot.lookup(".status-bar").queryAs(StatusBar.class);
        assertTrue(button.isDisabled(), "no connection: New VM is off");
        assertTrue(status.getText().contains("New VM needs an open connection: add one with Connection ▸ Add connection…"),
                status.getText());
        assertEquals("New VM needs an open connection: add one with Connection ▸ Add connection…",
                button.getTooltip().getText());
        assertTrue(robot.lookup(".table-placeholder").queryAs(Label.class).getText().startsWith("No connection is open."));
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        assertEquals(0, opened.get(), "Ctrl+N opens nothing without a connection");

        robot.interact(() -> viewModel.open(URI));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(button.isDisabled(), "a connection still connecting is not open");
        assertTrue(status.getText().contains("none is connected yet"), status.getText());

        robot.interact(() -> store.setStatus(URI, ConnectionStatus.OPEN));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!button.isDisabled(), "open: New VM is on");
        assertTrue(!status.getText().contains("New VM"), status.getText());
        assertTrue(button.getTooltip().getText().contains("Ctrl+N"), button.getTooltip().getText());
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        assertEquals(1, opened.get());
        robot.clickOn("#newVmButton");
        assertEquals(2, opened.get());
    }
}

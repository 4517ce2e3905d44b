package org.bulkhead.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.stage.Stage;

import org.bulkhead.model.store.DomainStore;
import org.bulkhead.ui.common.DialogService;
import org.bulkhead.ui.common.Problem;
import org.bulkhead.ui.common.SameThreadTaskExecutor;
import org.bulkhead.ui.connection.KnownConnections;
import org.bulkhead.ui.main.MainView;
import org.bulkhead.ui.main.MainViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Ctrl+N and the toolbar's New VM button both open the wizard once it is wired in. */
@ExtendWith(ApplicationExtension.class)
class NewVmShortcutTest {

    @TempDir
    static Path home;

    private final AtomicInteger opened = new AtomicInteger();

    @Start
    void start(Stage stage) {
        DialogService dialogs = new DialogService() {
            @Override
            public boolean confirm(org.bulkhead.ui.common.Confirmation confirmation) {
                return false;
            }

            @Override
            public java.util.Optional<Boolean> confirmDeletion(String domainName, String connectionUri,
                    java.util.List<String> volumes) {
                return java.util.Optional.empty();
            }

            @Override
            public void showError(Problem problem) {
            }
        };
        MainViewModel viewModel = new MainViewModel(new DomainStore(Runnable::run), uri -> {
            throw new UnsupportedOperationException("no connection in this test");
        }, new KnownConnections(home.resolve("connections.json")), new SameThreadTaskExecutor(), dialogs, Runnable::run,
                Duration.ofHours(1));
        MainView view = new MainView(viewModel, row -> { }, () -> { }, () -> { });
        view.setOnNewVm(opened::incrementAndGet);
        view.show(stage);
    }

    @Test
    void ctrlNAndTheToolbarButtonOpenTheWizard(FxRobot robot) {
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.N)
                .release(javafx.scene.input.KeyCode.N, javafx.scene.input.KeyCode.CONTROL);
        assertEquals(1, opened.get());
        robot.clickOn("#newVmButton");
        assertEquals(2, opened.get());
    }
}

package org.bulkhead.ui.console;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;

import javafx.beans.binding.Bindings;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.bulkhead.model.security.Trust;
import org.bulkhead.ui.common.Theme;
import org.bulkhead.ui.common.TrustMarker;
import org.bulkhead.ui.common.Views;

/**
 * A domain's graphical console: the guest's screen in an image redrawn only where it changed
 * ({@link ScreenImage}); keyboard and pointer input while grabbed; a key-combination
 * menu; and above it all the VM's trust marker and label, so the user always sees which
 * compartment they are typing into. Used as its own window and as the details window's tab.
 */
public final class ConsoleView {

    @FXML private BorderPane root;
    @FXML private HBox compartment;
    @FXML private Label trust;
    @FXML private Label title;
    @FXML private Label label;
    @FXML private MenuButton sendKey;
    @FXML private ToggleButton fit;
    @FXML private Label grabHint;
    @FXML private ScrollPane scroller;
    @FXML private StackPane holder;
    @FXML private ImageView screen;
    @FXML private Label overlay;
    @FXML private Label status;

    private final ConsoleViewModel viewModel;
    private final Map<KeyCode, Integer> pressed = new EnumMap<>(KeyCode.class);
    private final EventHandler<KeyEvent> keys = this::key;
    /** A key press sent something: the KEY_TYPED that follows it is the same key, not a second one. */
    private boolean pressSent;

    public ConsoleView(ConsoleViewModel viewModel) {
        this.viewModel = viewModel;
        Views.load(this, "Console.fxml");
    }

    public BorderPane root() {
        return root;
    }

    public ConsoleViewModel viewModel() {
        return viewModel;
    }

    /** Shows the console as its own window; closing it disconnects. */
    public Stage show(Window owner) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        // A 1024x768 guest at 1:1 plus the bars, but never larger than the screen.
        var screenBounds = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1060, screenBounds.getWidth()), Math.min(900, screenBounds.getHeight() - 40));
        scene.getStylesheets().addAll(stylesheets());
        stage.setScene(scene);
        // The title bar says which compartment this is too: glyph, word, name and label.
        stage.titleProperty().bind(Bindings.createStringBinding(() -> windowTitle(viewModel.trustProperty().get(),
                viewModel.titleProperty().get(), viewModel.labelProperty().get()),
                viewModel.trustProperty(), viewModel.titleProperty(), viewModel.labelProperty()));
        stage.setOnHidden(event -> viewModel.dispose());
        stage.show();
        holder.requestFocus();
        return stage;
    }

    static String windowTitle(Trust trust, String name, String label) {
        return TrustMarker.of(trust.level()).glyph() + " " + TrustMarker.text(trust) + " · " + name + " · " + label
                + " · Console";
    }

    /** The theme and the console's own stylesheet, for a scene that hosts this view. */
    public static String[] stylesheets() {
        return new String[] {Theme.stylesheet(), ConsoleView.class.getResource("console.css").toExternalForm()};
    }

    @FXML
    private void initialize() {
        viewModel.trustProperty().addListener((obs, old, now) -> showTrust(now));
        showTrust(viewModel.trustProperty().get());
        title.textProperty().bind(viewModel.titleProperty());
        label.textProperty().bind(viewModel.labelProperty());

        overlay.textProperty().bind(viewModel.messageProperty());
        overlay.visibleProperty().bind(viewModel.phaseProperty().isNotEqualTo(ConsoleViewModel.Phase.CONNECTED));
        screen.visibleProperty().bind(viewModel.phaseProperty().isEqualTo(ConsoleViewModel.Phase.CONNECTED));
        status.textProperty().bind(Bindings.createStringBinding(() -> viewModel.routeProperty().get().isEmpty()
                ? "Not connected." : "Connected: " + viewModel.routeProperty().get(), viewModel.routeProperty()));

        fit.selectedProperty().bindBidirectional(viewModel.scaleToFitProperty());
        fit.textProperty().bind(Bindings.when(fit.selectedProperty()).then("Scale to fit").otherwise("1:1"));
        viewModel.scaleToFitProperty().addListener((obs, old, now) -> layoutScreen());
        scroller.viewportBoundsProperty().addListener((obs, old, now) -> layoutScreen());

        grabHint.textProperty().bind(Bindings.createStringBinding(() -> viewModel.grabbedProperty().get()
                ? "\u2328 Keyboard and pointer go to " + viewModel.titleProperty().get() + ". Ctrl+Alt releases."
                : "Click the screen to type into " + viewModel.titleProperty().get() + ".",
                viewModel.grabbedProperty(), viewModel.titleProperty()));
        viewModel.grabbedProperty().addListener((obs, old, now) -> {
            if (now) {
                grabHint.getStyleClass().add("grabbed");
            } else {
                grabHint.getStyleClass().remove("grabbed");
            }
        });

        buildKeyMenu();
        holder.setFocusTraversable(true);
        holder.addEventHandler(MouseEvent.ANY, this::mouse);
        holder.addEventHandler(ScrollEvent.SCROLL, this::wheel);
        // Every key while grabbed, before any accelerator or focus traversal sees it.
        root.sceneProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.removeEventFilter(KeyEvent.ANY, keys);
            }
            if (now != null) {
                now.addEventFilter(KeyEvent.ANY, keys);
            }
        });
        new ScreenImage(screen, viewModel.screen(), this::layoutScreen);
    }

    private void buildKeyMenu() {
        MenuItem ctrlAltDel = new MenuItem("Ctrl+Alt+Del");
        ctrlAltDel.setOnAction(event -> viewModel.sendCombination(ConsoleKeys.CONTROL, ConsoleKeys.ALT, ConsoleKeys.DELETE));
        MenuItem ctrlAltBackspace = new MenuItem("Ctrl+Alt+Backspace");
        ctrlAltBackspace.setOnAction(event -> viewModel.sendCombination(ConsoleKeys.CONTROL, ConsoleKeys.ALT,
                ConsoleKeys.BACK_SPACE));
        sendKey.getItems().addAll(ctrlAltDel, ctrlAltBackspace, new SeparatorMenuItem());
        for (int n = 1; n <= 7; n++) {
            int f = n;
            MenuItem item = new MenuItem("Ctrl+Alt+F" + n);
            item.setOnAction(event -> viewModel.sendCombination(ConsoleKeys.CONTROL, ConsoleKeys.ALT, ConsoleKeys.function(f)));
            sendKey.getItems().add(item);
        }
        sendKey.disableProperty().bind(viewModel.phaseProperty().isNotEqualTo(ConsoleViewModel.Phase.CONNECTED));
    }

    private void showTrust(Trust value) {
        for (TrustMarker marker : TrustMarker.values()) {
            compartment.getStyleClass().remove(marker.styleClass());
            trust.getStyleClass().remove(marker.styleClass());
        }
        if (value == null) {
            return;
        }
        TrustMarker marker = TrustMarker.of(value.level());
        compartment.getStyleClass().add(marker.styleClass());
        trust.getStyleClass().add(marker.styleClass());
        trust.setText(marker.glyph() + " " + TrustMarker.text(value));
        trust.setAccessibleText(TrustMarker.explanation(value));
    }

    private void layoutScreen() {
        if (screen.getImage() == null) {
            return;
        }
        double width = screen.getImage().getWidth();
        double height = screen.getImage().getHeight();
        if (viewModel.scaleToFitProperty().get()) {
            scroller.setFitToWidth(true);
            scroller.setFitToHeight(true);
            holder.setMinSize(0, 0);
            double viewWidth = Math.max(1, scroller.getViewportBounds().getWidth());
            double viewHeight = Math.max(1, scroller.getViewportBounds().getHeight());
            double scale = Math.min(viewWidth / width, viewHeight / height);
            screen.setFitWidth(width * scale);
            screen.setFitHeight(height * scale);
        } else {
            screen.setFitWidth(0);
            screen.setFitHeight(0);
            holder.setMinSize(width, height);
        }
    }

    // ---- input ----

    private void mouse(MouseEvent event) {
        if (viewModel.phaseProperty().get() != ConsoleViewModel.Phase.CONNECTED || screen.getImage() == null) {
            return;
        }
        if (event.getEventType() == MouseEvent.MOUSE_PRESSED && !viewModel.grabbedProperty().get()) {
            holder.requestFocus();
            viewModel.grab();
        }
        var local = screen.sceneToLocal(event.getSceneX(), event.getSceneY());
        double shownWidth = screen.getBoundsInLocal().getWidth();
        double shownHeight = screen.getBoundsInLocal().getHeight();
        int x = (int) Math.floor(local.getX() * screen.getImage().getWidth() / shownWidth);
        int y = (int) Math.floor(local.getY() * screen.getImage().getHeight() / shownHeight);
        if (x < 0 || y < 0 || x >= screen.getImage().getWidth() || y >= screen.getImage().getHeight()) {
            return;
        }
        var type = event.getEventType();
        if (type == MouseEvent.MOUSE_MOVED || type == MouseEvent.MOUSE_DRAGGED) {
            viewModel.pointer(x, y);
        } else if (type == MouseEvent.MOUSE_PRESSED || type == MouseEvent.MOUSE_RELEASED) {
            viewModel.pointer(x, y);
            button(event.getButton()).ifPresent(b -> viewModel.button(b, type == MouseEvent.MOUSE_PRESSED));
        }
        event.consume();
    }

    private static OptionalInt button(MouseButton button) {
        return switch (button) {
            case PRIMARY -> OptionalInt.of(1);
            case MIDDLE -> OptionalInt.of(2);
            case SECONDARY -> OptionalInt.of(3);
            default -> OptionalInt.empty();
        };
    }

    private void wheel(ScrollEvent event) {
        if (viewModel.grabbedProperty().get() && event.getDeltaY() != 0) {
            int button = event.getDeltaY() > 0 ? 4 : 5;
            viewModel.button(button, true);
            viewModel.button(button, false);
            event.consume();
        }
    }

    private void key(KeyEvent event) {
        if (!viewModel.grabbedProperty().get()) {
            return;
        }
        event.consume();
        if (event.getEventType() == KeyEvent.KEY_PRESSED) {
            if (event.getCode() == KeyCode.CONTROL && event.isAltDown() || event.getCode() == KeyCode.ALT && event.isControlDown()) {
                pressed.clear();
                viewModel.releaseGrab();
                return;
            }
            OptionalInt keysym = ConsoleKeys.special(event.getCode());
            if (keysym.isEmpty()) {
                keysym = ConsoleKeys.ofText(event.getText());
            }
            if (keysym.isEmpty()) {
                keysym = ConsoleKeys.ofLetterOrDigit(event.getCode(), event.isShiftDown());
            }
            if (keysym.isPresent()) {
                pressed.put(event.getCode(), keysym.getAsInt());
                viewModel.key(keysym.getAsInt(), true);
                pressSent = true;
            }
        } else if (event.getEventType() == KeyEvent.KEY_RELEASED) {
            Integer keysym = pressed.remove(event.getCode());
            if (keysym != null) {
                viewModel.key(keysym, false);
            }
            pressSent = false;
        } else if (event.getEventType() == KeyEvent.KEY_TYPED) {
            if (pressSent) {
                pressSent = false;
                return;
            }
            // A character with no key press before it (an input method, a robot typing text).
            ConsoleKeys.ofText(event.getCharacter()).ifPresent(keysym -> viewModel.sendCombination(keysym));
        }
    }
}

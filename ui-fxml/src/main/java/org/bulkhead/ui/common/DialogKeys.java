package org.bulkhead.ui.common;

import javafx.event.EventHandler;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Toggle;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Enter presses the default button and Escape the cancel button, whatever control has the focus,
 * unless that control has a use of its own for the key (typing in a text area, an open list).
 * JavaFX's button behaviour arms and fires a focused check box or radio button on Enter on every
 * platform but macOS, and consumes the key, so the default button never hears it: Enter on a
 * focused "Isolated" box would silently turn isolation off. Read-only lists and text areas
 * swallow Enter and Escape the same way. Space and clicks still change a box.
 */
public final class DialogKeys {

    private static final KeyCombination ENTER = new KeyCodeCombination(KeyCode.ENTER);
    private static final KeyCombination ESCAPE = new KeyCodeCombination(KeyCode.ESCAPE);

    private DialogKeys() {
    }

    /** Applies the rule to every control under {@code root}. */
    public static void install(Parent root) {
        EventHandler<KeyEvent> filter = event -> {
            KeyCombination key = ENTER.match(event) ? ENTER : ESCAPE.match(event) ? ESCAPE : null;
            if (key == null || !hasNoUseFor(event.getTarget())) {
                return;
            }
            // The release is swallowed too, so no control ever acts on half a key stroke.
            event.consume();
            if (event.getEventType() == KeyEvent.KEY_PRESSED) {
                press(root.getScene(), key);
            }
        };
        root.addEventFilter(KeyEvent.KEY_PRESSED, filter);
        root.addEventFilter(KeyEvent.KEY_RELEASED, filter);
    }

    /** Controls that take Enter or Escape for themselves with nothing to do with it. */
    private static boolean hasNoUseFor(Object target) {
        return target instanceof CheckBox || target instanceof Toggle
                || target instanceof TextArea area && !area.isEditable()
                || target instanceof ListView<?> list && !list.isEditable();
    }

    /** Runs what the key runs where no control takes it: the default or cancel button, if shown and enabled. */
    private static void press(Scene scene, KeyCombination key) {
        Runnable button = scene == null ? null : scene.getAccelerators().get(key);
        if (button != null) {
            button.run();
        }
    }
}

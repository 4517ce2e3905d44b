package org.bulkhead.ui.console;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;

import javafx.scene.input.KeyCode;

/**
 * JavaFX keys to X11 keysyms, which VNC sends. Keys that make no character (Enter, arrows,
 * F1..F12, modifiers...) go by key code; everything else by the character it types, so the
 * guest sees what the user's layout produced.
 */
public final class ConsoleKeys {

    private static final Map<KeyCode, Integer> SPECIAL = new EnumMap<>(KeyCode.class);

    static {
        SPECIAL.put(KeyCode.BACK_SPACE, 0xff08);
        SPECIAL.put(KeyCode.TAB, 0xff09);
        SPECIAL.put(KeyCode.ENTER, 0xff0d);
        SPECIAL.put(KeyCode.ESCAPE, 0xff1b);
        SPECIAL.put(KeyCode.INSERT, 0xff63);
        SPECIAL.put(KeyCode.DELETE, 0xffff);
        SPECIAL.put(KeyCode.HOME, 0xff50);
        SPECIAL.put(KeyCode.END, 0xff57);
        SPECIAL.put(KeyCode.PAGE_UP, 0xff55);
        SPECIAL.put(KeyCode.PAGE_DOWN, 0xff56);
        SPECIAL.put(KeyCode.LEFT, 0xff51);
        SPECIAL.put(KeyCode.UP, 0xff52);
        SPECIAL.put(KeyCode.RIGHT, 0xff53);
        SPECIAL.put(KeyCode.DOWN, 0xff54);
        SPECIAL.put(KeyCode.SHIFT, 0xffe1);
        SPECIAL.put(KeyCode.CONTROL, 0xffe3);
        SPECIAL.put(KeyCode.ALT, 0xffe9);
        SPECIAL.put(KeyCode.ALT_GRAPH, 0xfe03);
        SPECIAL.put(KeyCode.META, 0xffe7);
        SPECIAL.put(KeyCode.WINDOWS, 0xffeb);
        SPECIAL.put(KeyCode.CAPS, 0xffe5);
        SPECIAL.put(KeyCode.NUM_LOCK, 0xff7f);
        SPECIAL.put(KeyCode.SCROLL_LOCK, 0xff14);
        SPECIAL.put(KeyCode.PRINTSCREEN, 0xff61);
        SPECIAL.put(KeyCode.PAUSE, 0xff13);
        SPECIAL.put(KeyCode.CONTEXT_MENU, 0xff67);
        KeyCode[] functionKeys = {KeyCode.F1, KeyCode.F2, KeyCode.F3, KeyCode.F4, KeyCode.F5, KeyCode.F6,
                KeyCode.F7, KeyCode.F8, KeyCode.F9, KeyCode.F10, KeyCode.F11, KeyCode.F12};
        for (int i = 0; i < functionKeys.length; i++) {
            SPECIAL.put(functionKeys[i], 0xffbe + i);
        }
    }

    /** XK_Control_L, XK_Alt_L, XK_Delete and XK_F1: the key-combination menu's parts. */
    public static final int CONTROL = 0xffe3;
    public static final int ALT = 0xffe9;
    public static final int DELETE = 0xffff;
    public static final int BACK_SPACE = 0xff08;

    private ConsoleKeys() {
    }

    /** The keysym of a key that types no character, if it is one. */
    public static OptionalInt special(KeyCode code) {
        Integer keysym = SPECIAL.get(code);
        return keysym == null ? OptionalInt.empty() : OptionalInt.of(keysym);
    }

    /** XK_F1 + n - 1. */
    public static int function(int n) {
        if (n < 1 || n > 12) {
            throw new IllegalArgumentException("F" + n + " is not a function key");
        }
        return 0xffbe + n - 1;
    }

    /** The keysym of a typed character: Latin-1 directly, other Unicode as 0x01000000 + code point. */
    public static OptionalInt ofText(String text) {
        if (text == null || text.isEmpty() || text.codePointCount(0, text.length()) != 1) {
            return OptionalInt.empty();
        }
        int codePoint = text.codePointAt(0);
        if (codePoint == '\r' || codePoint == '\n') {
            return OptionalInt.of(0xff0d);
        }
        if (codePoint == '\t') {
            return OptionalInt.of(0xff09);
        }
        if (codePoint == '\b') {
            return OptionalInt.of(0xff08);
        }
        if (Character.isISOControl(codePoint)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(codePoint < 0x100 ? codePoint : 0x01000000 + codePoint);
    }

    /** A letter or digit key without text (Ctrl held on some platforms): its unshifted character. */
    public static OptionalInt ofLetterOrDigit(KeyCode code, boolean shift) {
        if (code.isLetterKey()) {
            char c = code.getName().charAt(0);
            return OptionalInt.of(shift ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        if (code.isDigitKey() && !code.isKeypadKey()) {
            return OptionalInt.of(code.getName().charAt(0));
        }
        return OptionalInt.empty();
    }
}

package org.bulkhead.model.label;

/**
 * A label did not parse. The message names the wrong part and the whole input it came from,
 * e.g. {@code invalid category 'c1024' in "s0:c1024": categories run from c0 to c1023}, so it
 * can be shown to the user as it is.
 */
public class LabelFormatException extends IllegalArgumentException {

    private final String input;
    private final String part;

    /**
     * @param what  what the wrong part is meant to be ("category", "sensitivity", "user"...)
     * @param part  the offending text; empty when the part is missing altogether
     * @param input the whole text that was being parsed
     * @param why   what the rule is, phrased so the user can fix the input
     */
    public LabelFormatException(String what, String part, String input, String why) {
        super(message(what, part, input, why));
        this.input = input;
        this.part = part;
    }

    /** The whole text that was being parsed. */
    public String input() {
        return input;
    }

    /** The offending part of {@link #input()}; empty when a part was missing. */
    public String part() {
        return part;
    }

    /** Longer inputs are quoted by their start and length: a label of thousands of characters would bury the rule. */
    private static final int QUOTED_MAX = 80;

    private static String message(String what, String part, String input, String why) {
        String quotedInput = quoted(input, '"');
        if (part.isEmpty()) {
            return "missing " + what + " in " + quotedInput + ": " + why;
        }
        if (part.equals(input)) {
            return "invalid " + what + " " + quotedInput + ": " + why;
        }
        return "invalid " + what + " " + quoted(part, '\'') + " in " + quotedInput + ": " + why;
    }

    private static String quoted(String text, char quote) {
        int length = text.codePointCount(0, text.length());
        if (length <= QUOTED_MAX) {
            return quote + printable(text) + quote;
        }
        String start = text.substring(0, text.offsetByCodePoints(0, QUOTED_MAX - 20));
        return quote + printable(start) + "…" + quote + " (" + length + " characters)";
    }

    // Labels arrive from XML and the command line; a raw control character would garble a dialog.
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}

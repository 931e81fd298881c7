package de.integrationsmonitor.printable;

/**
 * Text from outside (a file name, a name in the audit log) as it may be printed on one line of a terminal or a log:
 * line breaks, terminal escape sequences and the other control characters, and the Unicode characters that break
 * lines or turn the direction of text, written as escapes ({@code \n}, {@code \r}, {@code \t}, {@code \u001b}), so
 * that a name cannot forge a line or repaint the screen. Everything else stays as it is.
 */
public final class Printable {

    private Printable() {}

    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        int i = 0;
        while (i < text.length() && !unsafe(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (unsafe(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Control characters (C0, DEL, C1), line and paragraph separators, and the bidirectional overrides. */
    static boolean unsafe(char c) {
        return c < 0x20
                || (c >= 0x7f && c <= 0x9f)
                || c == 0x2028
                || c == 0x2029
                || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069);
    }
}

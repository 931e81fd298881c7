package de.integrationsmonitor.fetch;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Text that comes from outside (a status message, an error page, a header) made fit to be printed and stored: the
 * credentials masked wherever they are echoed, control characters and line separators turned into spaces (so that
 * no escape sequence or forged line reaches a terminal or a log), and the length capped.
 */
final class OfficeText {

    /** Characters of outside text a message carries; the offices' own status texts have a few dozen. */
    static final int MAX_LENGTH = 300;

    static final String MASK = "***";
    /**
     * Control characters (C0, DEL, C1), the Unicode line and paragraph separators, and the bidirectional overrides
     * that reorder what a terminal shows.
     */
    private static final Pattern UNPRINTABLE =
            Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}\\u202A-\\u202E\\u2066-\\u2069]+");

    private static final Pattern SPACES = Pattern.compile("\\s{2,}");

    private OfficeText() {}

    /** The text with every secret masked, one line, at most {@link #MAX_LENGTH} characters. */
    static String clean(String text, Credentials credentials) {
        return clean(text, credentials, MAX_LENGTH);
    }

    static String clean(String text, Credentials credentials, int maxLength) {
        if (text == null) {
            return "";
        }
        List<String> secrets = secrets(credentials);
        // masked before and after the control characters go: a secret split by a newline is one again afterwards
        String masked = mask(text, secrets);
        String line = SPACES.matcher(UNPRINTABLE.matcher(masked).replaceAll(" "))
                .replaceAll(" ")
                .strip();
        line = mask(line, secrets);
        if (line.length() <= maxLength) {
            return line;
        }
        int cut = Character.isHighSurrogate(line.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        return line.substring(0, cut) + "… (" + (line.length() - cut) + " more characters)";
    }

    private static List<String> secrets(Credentials credentials) {
        List<String> secrets = new ArrayList<>();
        if (credentials != null) {
            for (String secret : List.of(credentials.username(), credentials.password())) {
                if (secret != null && !secret.isBlank()) {
                    secrets.add(secret);
                    secrets.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
                }
            }
        }
        // the longest first: a password that contains the user name is masked whole
        secrets.sort(Comparator.comparingInt(String::length).reversed());
        return secrets;
    }

    private static String mask(String text, List<String> secrets) {
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }
}

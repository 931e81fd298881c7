package de.integrationsmonitor.observation;

import java.util.Arrays;
import java.util.Optional;

/** The special symbols of the statistical offices (DOMAIN.md §2.3), kept beside or instead of a number. */
public enum Marker {
    /** Nothing there: a genuine zero, or a region that did not exist at that date. */
    NOTHING("-", "nichts vorhanden", false),
    /** Unknown or secret (geheim). */
    SECRET(".", "Zahlenwert unbekannt oder geheim zu halten", false),
    /** Cell locked: a value would not be meaningful. */
    LOCKED("x", "Tabellenfach gesperrt, weil Aussage nicht sinnvoll", false),
    /** No value: not reliable enough. */
    UNRELIABLE("/", "keine Angaben, da Zahlenwert nicht sicher genug", false),
    /** The value comes later. */
    LATER("...", "Angabe fällt später an", false),
    /** Limited reliability; the value is present. */
    LIMITED_RELIABILITY("()", "Aussagewert eingeschränkt", true),
    PROVISIONAL("p", "vorläufige Zahl", true),
    REVISED("r", "berichtigte Zahl", true),
    ESTIMATED("s", "geschätzte Zahl", true),
    FINAL("e", "endgültige Zahl", true);

    private final String symbol;
    private final String meaning;
    private final boolean withValue;

    Marker(String symbol, String meaning, boolean withValue) {
        this.symbol = symbol;
        this.meaning = meaning;
        this.withValue = withValue;
    }

    public String symbol() {
        return symbol;
    }

    /** The German legend text the offices print for this symbol. */
    public String meaning() {
        return meaning;
    }

    /** Whether the symbol accompanies a number (suffixes, parentheses) rather than replacing it. */
    public boolean accompaniesValue() {
        return withValue;
    }

    public static Optional<Marker> bySymbol(String symbol) {
        return Arrays.stream(values()).filter(m -> m.symbol.equals(symbol)).findFirst();
    }
}

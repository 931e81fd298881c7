package de.integrationsmonitor.ingest;

import de.integrationsmonitor.observation.Cell;
import de.integrationsmonitor.observation.Marker;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of one office cell: German decimal comma, negative numbers, the special symbols, numbers in
 * parentheses (limited reliability) and the suffixes p, r, s, e. A lone {@code -} is the symbol "nothing",
 * {@code -14,6} is a negative number, and {@code 0} stays a real zero.
 */
public final class CellParser {

    private static final Pattern NUMBER = Pattern.compile("(-?\\d+(?:,\\d+)?)\\s*([prse]?)");
    private static final Pattern PARENTHESISED = Pattern.compile("\\((-?\\d+(?:,\\d+)?)\\)\\s*([prse]?)");

    private CellParser() {}

    /** The cell, or empty when the text is neither a number nor a known symbol. */
    public static Optional<Cell> parse(String raw) {
        String text = raw.strip();
        Optional<Marker> symbol = Marker.bySymbol(text);
        if (symbol.isPresent() && !symbol.get().accompaniesValue()) {
            return Optional.of(Cell.missing(symbol.get()));
        }
        Matcher number = NUMBER.matcher(text);
        if (number.matches()) {
            return Optional.of(Cell.of(decimal(number.group(1)), number.group(2)));
        }
        Matcher parenthesised = PARENTHESISED.matcher(text);
        if (parenthesised.matches()) {
            String marker = Marker.LIMITED_RELIABILITY.symbol() + parenthesised.group(2);
            return Optional.of(Cell.of(decimal(parenthesised.group(1)), marker));
        }
        return Optional.empty();
    }

    private static BigDecimal decimal(String text) {
        return new BigDecimal(text.replace(',', '.'));
    }
}

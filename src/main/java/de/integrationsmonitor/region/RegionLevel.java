package de.integrationsmonitor.region;

import java.util.Optional;

/** The regional depth a statistical-office region code stands for, recognised from the code's form alone. */
public enum RegionLevel {
    /** {@code DG}: Deutschland. */
    GERMANY,
    /** Two digits, e.g. {@code 15}. */
    LAND,
    /** Three digits, e.g. {@code 033}: Regierungsbezirk or statistical region. */
    REGIERUNGSBEZIRK,
    /** Five digits, e.g. {@code 15001}. */
    KREIS,
    /** Eight digits, e.g. {@code 03241001}: the special cities the offices list below a Kreis. */
    GEMEINDE;

    /**
     * Level of a region code as the offices write it. Codes are strings: a code that lost its leading zero
     * ({@code 3241} for {@code 03241}) has the wrong length and is rejected rather than guessed.
     *
     * @return the level, or empty for anything that is not one of the five code forms (also for null)
     */
    public static Optional<RegionLevel> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        if (code.equals("DG")) {
            return Optional.of(GERMANY);
        }
        if (code.isEmpty() || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return switch (code.length()) {
            case 2 -> Optional.of(LAND);
            case 3 -> Optional.of(REGIERUNGSBEZIRK);
            case 5 -> Optional.of(KREIS);
            case 8 -> Optional.of(GEMEINDE);
            default -> Optional.empty();
        };
    }
}

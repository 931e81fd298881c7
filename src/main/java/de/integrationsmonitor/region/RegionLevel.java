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
    /**
     * A Gemeinde: eight digits (the AGS, e.g. {@code 03241001}), or the longer keys of the offices' Gemeinde tables
     * that put the Gemeindeverband in between: ten digits in Rheinland-Pfalz ({@code 0713101001}: Kreis 07131,
     * Verbandsgemeinde 01, Gemeinde 001; Verbandsgemeinde {@code 00} for a verbandsfreie Gemeinde), eleven in
     * Niedersachsen ({@code 03151401002}: Samtgemeinde 401, Gemeinde 002). Its AGS is the Kreis and the last three
     * digits ({@link #gemeindeAgs}).
     */
    GEMEINDE,
    /**
     * A Gemeindeverband (Verbandsgemeinde, Samtgemeinde, Amt, Verwaltungsgemeinschaft): seven digits in
     * Rheinland-Pfalz's tables ({@code 0713101}), nine in the ARS ({@code 071315001}), and eight in Niedersachsen's
     * tables, where the offices number a Samtgemeinde 4xx after the Kreis ({@code 03151401}; no Gemeinde of
     * Niedersachsen has such a number).
     */
    GEMEINDEVERBAND;

    /**
     * Level of a region code as the offices write it. Codes are strings: a code that lost its leading zero
     * ({@code 3241} for {@code 03241}) has the wrong length and is rejected rather than guessed.
     *
     * @return the level, or empty for anything that is not one of the code forms (also for null)
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
            case 8 -> Optional.of(code.startsWith("03") && code.charAt(5) == '4' ? GEMEINDEVERBAND : GEMEINDE);
            case 7, 9 -> Optional.of(GEMEINDEVERBAND);
            case 10, 11 -> Optional.of(GEMEINDE);
            default -> Optional.empty();
        };
    }

    /** Below the Kreis: a Gemeinde or a Gemeindeverband. */
    public boolean belowKreis() {
        return this == GEMEINDE || this == GEMEINDEVERBAND;
    }

    /**
     * The eight-digit AGS of a Gemeinde key in any of its forms: {@code 0713101001} and {@code 07131001} are both
     * {@code 07131001}.
     *
     * @throws IllegalArgumentException for a code that is not a Gemeinde key
     */
    public static String gemeindeAgs(String code) {
        if (of(code).orElse(null) != GEMEINDE) {
            throw new IllegalArgumentException("not a Gemeinde key: '" + code + "'");
        }
        return code.length() == 8 ? code : code.substring(0, 5) + code.substring(code.length() - 3);
    }

    /** The five-digit Kreis a Gemeinde or Gemeindeverband key lies in: its first five digits. */
    public static String kreisOf(String code) {
        if (!of(code).map(RegionLevel::belowKreis).orElse(false)) {
            throw new IllegalArgumentException("not a key below the Kreis: '" + code + "'");
        }
        return code.substring(0, 5);
    }
}

package de.integrationsmonitor.disclosure;

/** What a publication prints for a cell after disclosure control. */
public enum CellStatus {
    /** The value is printed. */
    PUBLISHED,
    /** Below its rule: suppressed, printed {@code .}. */
    PRIMARY,
    /** Suppressed so that no primary cell can be worked out from the others, printed {@code .}. */
    SECONDARY,
    /** The office published it as secret already; printed with the office's marker. */
    OFFICE_SECRET;

    /** The symbol the offices print for a cell suppressed for Geheimhaltung. */
    public static final String SYMBOL = ".";

    /** The legend line for {@link #SYMBOL} in every publication that suppresses own data. */
    public static final String LEGEND = "aus Gründen der Geheimhaltung gesperrt";

    public boolean hidden() {
        return this != PUBLISHED;
    }

    public boolean suppressed() {
        return this == PRIMARY || this == SECONDARY;
    }
}

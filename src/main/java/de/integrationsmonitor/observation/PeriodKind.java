package de.integrationsmonitor.observation;

/**
 * What a period of an office table is, as the file says it (DOMAIN.md §2.3): a day, or a span of time whose
 * figures are averages or sums over it. The classic title block says it ({@code - Stichtag 31.12. -},
 * {@code - Jahresdurchschnitt -}, {@code - Jahressumme -}, {@code - Jahr -}, {@code - Schuljahr -}), an ffcsv its
 * {@code time_code} ({@code STAG}, {@code JAHR}, ...).
 */
public enum PeriodKind {
    /** A day: the stock on that date ("31.12.2015", "30.06.2015"). */
    STICHTAG("Stichtag"),
    /** The average over a calendar year ("Jahresdurchschnitt 2016"). */
    JAHRESDURCHSCHNITT("Jahresdurchschnitt"),
    /** The sum of a flow over a calendar year ("Jahressumme 2015"). */
    JAHRESSUMME("Jahressumme"),
    /** A calendar year, without saying whether sum or average ("2016"). */
    JAHR("Jahr"),
    /** The school year ending in the summer of its year, 1 August to 31 July ("Schuljahr 2010/11"). */
    SCHULJAHR("Schuljahr");

    private final String german;

    PeriodKind(String german) {
        this.german = german;
    }

    /** The word the offices use, e.g. {@code Jahresdurchschnitt}. */
    public String german() {
        return german;
    }

    /** Whether the period is a single day rather than a span of time. */
    public boolean isDay() {
        return this == STICHTAG;
    }
}

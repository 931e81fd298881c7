package de.integrationsmonitor.indicator;

import de.integrationsmonitor.observation.PeriodKind;
import de.integrationsmonitor.observation.StoredObservation;
import java.time.MonthDay;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kind of period an indicator's input had in a computation, as the files said it: what the methods annex
 * prints so that a formula mixing kinds (a Jahressumme over a population at a Stichtag) states which reference
 * date each input stands at.
 *
 * @param stichtag the day of the year of a Stichtag input (31.12., 30.06.)
 */
public record InputPeriod(String input, String table, PeriodKind kind, Optional<MonthDay> stichtag, int offsetYears) {

    /** The period kind most of an input's observations have; empty when the input had none. */
    public static Optional<InputPeriod> of(InputSpec input, List<StoredObservation> rows) {
        return InputCells.of(input, rows).period();
    }

    /**
     * The period kind most of an input's observations have, from how many had each kind and each day of the year;
     * empty when the input had none. A tie goes to the kind (and day) that comes first.
     */
    static Optional<InputPeriod> of(InputSpec input, Map<PeriodKind, Long> kinds, Map<MonthDay, Long> days) {
        Optional<PeriodKind> kind = mostCommon(kinds);
        return kind.map(k -> new InputPeriod(
                input.name(), input.table(), k, k.isDay() ? mostCommon(days) : Optional.empty(), input.offsetYears()));
    }

    private static <T extends Comparable<T>> Optional<T> mostCommon(Map<T, Long> counts) {
        return counts.entrySet().stream()
                .max(Map.Entry.<T, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey);
    }

    /** "Stichtag 31.12. des Vorjahres", "Jahressumme desselben Jahres", "Schuljahr". */
    public String describe() {
        String what = kind.isDay()
                ? "Stichtag "
                        + stichtag.map(d -> String.format("%02d.%02d.", d.getDayOfMonth(), d.getMonthValue()))
                                .orElse("")
                : kind.german();
        return what
                + switch (offsetYears) {
                    case 0 -> "";
                    case -1 -> kind == PeriodKind.SCHULJAHR ? " (Vorjahr)" : " des Vorjahres";
                    default ->
                        offsetYears < 0 ? " " + (-offsetYears) + " Jahre zuvor" : " " + offsetYears + " Jahre später";
                };
    }

    /**
     * The sentence of the methods annex: the period of the indicator (its first input's kind) and of every other
     * input, the denominator named as such; a single clause where all inputs share one kind of period.
     */
    public static String timeReference(IndicatorDefinition indicator, List<InputPeriod> periods) {
        if (periods.isEmpty()) {
            return "";
        }
        boolean alike = periods.stream()
                .allMatch(p -> p.kind() == periods.get(0).kind()
                        && p.stichtag().equals(periods.get(0).stichtag())
                        && p.offsetYears() == 0);
        if (alike) {
            return "Zeitbezug: " + periods.get(0).describe() + (periods.size() > 1 ? " (alle Eingangsgrößen)" : "")
                    + ".";
        }
        String parts = periods.stream()
                .map(p -> p.input()
                        + (indicator.denominator().map(p.input()::equals).orElse(false) ? " (Nenner)" : "") + ": "
                        + p.describe() + " (Tabelle " + p.table() + ")")
                .collect(Collectors.joining("; "));
        return "Zeitbezug: der Wert gilt für den Zeitraum der ersten Eingangsgröße ("
                + periods.get(0).describe() + "); " + parts + ".";
    }
}

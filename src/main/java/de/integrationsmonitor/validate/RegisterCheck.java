package de.integrationsmonitor.validate;

import de.integrationsmonitor.observation.Cell;
import de.integrationsmonitor.observation.Period;
import de.integrationsmonitor.region.Kreis;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.region.RegionLevel;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Checks a data line's Kreis code against the Kreis register for its period. A value the office published for a
 * Kreis and period is that Kreis's value for the period when the Kreis existed during it, also when it was
 * dissolved before the period ended (the school year 2010/11 of Mecklenburg-Vorpommern's old Kreise, the annual
 * average 2016 of Göttingen 03152). The offices leave Kreise they do not report for a period in their files with
 * {@code -} (or {@code 0}, {@code .}): such a line of a Kreis that did not exist for the whole period means "not
 * reported here", neither zero nor an error, and is skipped. Figures for a Kreis outside its validity are a finding:
 * the office published them at another Gebietsstand (back-calculated for a Kreis formed later).
 */
public final class RegisterCheck {

    public static final String RULE_UNKNOWN = "register-unknown-kreis";
    public static final String RULE_OUTSIDE_VALIDITY = "register-kreis-not-existing";

    private final KreisRegister register;

    public RegisterCheck(KreisRegister register) {
        this.register = register;
    }

    /** What to do with a line: store it, skip it (with the reason), or reject it; and what was found. */
    public record Verdict(Kind kind, String reason, Optional<Finding> finding) {
        public enum Kind {
            STORE,
            SKIP,
            REJECT
        }

        static Verdict store() {
            return new Verdict(Kind.STORE, "", Optional.empty());
        }
    }

    public Verdict check(long line, String regionCode, Period period, List<Cell> cells) {
        if (RegionLevel.of(regionCode).orElse(null) != RegionLevel.KREIS) {
            return Verdict.store();
        }
        List<Kreis> territories = register.versionsOf(regionCode);
        LocalDate date = period.referenceDate();
        if (territories.isEmpty()) {
            String reason =
                    "unknown Kreis code " + regionCode + ": the Kreis register (1995 to today) has no such" + " Kreis";
            return new Verdict(
                    Verdict.Kind.REJECT,
                    reason,
                    Optional.of(
                            new Finding(RULE_UNKNOWN, Severity.ERROR, line, regionCode, Optional.of(date), reason)));
        }
        if (existsThroughout(territories, period)) {
            return Verdict.store();
        }
        Kreis kreis = territories.get(territories.size() - 1);
        boolean during = territories.stream().anyMatch(t -> t.existsDuring(period.start(), period.end()));
        String validity = validity(territories);
        if (cells.stream().noneMatch(RegisterCheck::isFigure)) {
            return new Verdict(
                    Verdict.Kind.SKIP,
                    during
                            ? "Kreis " + regionCode + " (" + kreis.name() + ") existed only part of " + period.label()
                                    + " ("
                                    + validity
                                    + ") and the office does not report it for this period: its '-' means 'reported at"
                                    + " another Gebietsstand', not zero"
                            : "Kreis " + regionCode + " (" + kreis.name() + ") did not exist " + during(period) + " ("
                                    + validity + "): its '-' means 'did not exist', not zero",
                    Optional.empty());
        }
        if (during) {
            return Verdict.store(); // the office's figure for the Kreis and this period
        }
        boolean later = kreis.validFrom().isAfter(period.end());
        String message = "values for Kreis " + regionCode + " (" + kreis.name() + ") " + during(period)
                + ", when it did not exist (" + validity + "); the office reports this period at "
                + (later
                        ? "a later Gebietsstand (back-calculated for the Kreis's territory)"
                        : "an earlier" + " Gebietsstand")
                + ", and indicators show it so";
        return new Verdict(
                Verdict.Kind.STORE,
                "",
                Optional.of(new Finding(
                        RULE_OUTSIDE_VALIDITY, Severity.WARNING, line, regionCode, Optional.of(date), message)));
    }

    private static boolean existsThroughout(List<Kreis> territories, Period period) {
        // territories of one code follow each other without a gap where the code continues
        LocalDate day = period.start();
        for (Kreis t : territories) {
            if (t.existsThroughout(day, day)) {
                if (t.validTo().map(end -> !end.isBefore(period.end())).orElse(true)) {
                    return true;
                }
                day = t.validTo().get().plusDays(1);
            }
        }
        return false;
    }

    /** A number other than zero: what shows the office reported the Kreis for the period. */
    private static boolean isFigure(Cell cell) {
        return cell.number().filter(n -> n.signum() != 0).isPresent();
    }

    private static String during(Period period) {
        return period.kind().isDay()
                ? "on " + german(period.referenceDate())
                : "in " + period.label() + " (" + german(period.start()) + " to " + german(period.end()) + ")";
    }

    private static String validity(List<Kreis> territories) {
        Kreis first = territories.get(0);
        Kreis last = territories.get(territories.size() - 1);
        return "valid from " + german(first.validFrom())
                + last.validTo().map(to -> " to " + german(to)).orElse("");
    }

    static String german(LocalDate date) {
        return String.format("%02d.%02d.%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }
}

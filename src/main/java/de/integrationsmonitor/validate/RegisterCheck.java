package de.integrationsmonitor.validate;

import de.integrationsmonitor.observation.Cell;
import de.integrationsmonitor.observation.Marker;
import de.integrationsmonitor.observation.Period;
import de.integrationsmonitor.region.Kreis;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.region.RegionLevel;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Checks a data line's Kreis code against the Kreis register for its reference date. The offices leave dissolved
 * Kreise in their files with {@code -}: such a line means "did not exist", not zero and not an error. A value for a
 * Kreis outside its validity period, or a code the register does not know, is a finding.
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
        public enum Kind { STORE, SKIP, REJECT }

        static Verdict store() {
            return new Verdict(Kind.STORE, "", Optional.empty());
        }
    }

    public Verdict check(long line, String regionCode, Period period, List<Cell> cells) {
        LocalDate date = period.referenceDate();
        if (RegionLevel.of(regionCode).orElse(null) != RegionLevel.KREIS) {
            return Verdict.store();
        }
        Optional<Kreis> kreis = register.find(regionCode);
        if (kreis.isEmpty()) {
            String reason = "unknown Kreis code " + regionCode + ": the Kreis register (1995 to today) has no such"
                    + " Kreis";
            return new Verdict(Verdict.Kind.REJECT, reason, Optional.of(new Finding(RULE_UNKNOWN, Severity.ERROR,
                    line, regionCode, Optional.of(date), reason)));
        }
        if (register.existedOn(regionCode, date)) {
            return Verdict.store();
        }
        String validity = validity(kreis.get());
        if (cells.stream().allMatch(c -> !c.hasNumber() && c.marker().equals(Marker.NOTHING.symbol()))) {
            return new Verdict(Verdict.Kind.SKIP, "Kreis " + regionCode + " (" + kreis.get().name()
                    + ") did not exist on " + german(date) + " (" + validity + "): its '-' means 'did not exist',"
                    + " not zero", Optional.empty());
        }
        String message = "values for Kreis " + regionCode + " (" + kreis.get().name() + ") on " + german(date)
                + ", when it did not exist (" + validity + "); the office may report this date at a later"
                + " Gebietsstand";
        return new Verdict(Verdict.Kind.STORE, "", Optional.of(new Finding(RULE_OUTSIDE_VALIDITY,
                Severity.WARNING, line, regionCode, Optional.of(date), message)));
    }

    private static String validity(Kreis kreis) {
        return "valid from " + german(kreis.validFrom())
                + kreis.validTo().map(to -> " to " + german(to)).orElse("");
    }

    static String german(LocalDate date) {
        return String.format("%02d.%02d.%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }
}

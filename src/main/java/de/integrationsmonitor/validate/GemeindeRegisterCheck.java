package de.integrationsmonitor.validate;

import de.integrationsmonitor.observation.Period;
import de.integrationsmonitor.region.RegionLevel;
import de.integrationsmonitor.region.gemeinde.GemeindeRegister;
import java.util.Optional;

/**
 * Checks a Gemeinde key against the Gemeinde register where the register covers the Gebietsstand of the value (a
 * Gemeinde value stays at the Gebietsstand of its reference date): a key the register does not know for that
 * Gebietsstand is a warning. Values of other reference dates are not checked, as Gemeinden change too often for
 * one Gebietsstand to speak for another.
 */
public final class GemeindeRegisterCheck {

    public static final String RULE_UNKNOWN = "register-unknown-gemeinde";

    private final GemeindeRegister register;

    public GemeindeRegisterCheck(GemeindeRegister register) {
        this.register = register;
    }

    public Optional<Finding> check(long line, String regionCode, Period period) {
        if (RegionLevel.of(regionCode).orElse(null) != RegionLevel.GEMEINDE
                || !register.covers(period.referenceDate())) {
            return Optional.empty();
        }
        String ags = RegionLevel.gemeindeAgs(regionCode);
        if (register.gemeinde(ags).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(
                RULE_UNKNOWN,
                Severity.WARNING,
                line,
                regionCode,
                Optional.of(period.referenceDate()),
                "unknown Gemeinde " + regionCode + (ags.equals(regionCode) ? "" : " (AGS " + ags + ")")
                        + ": the Gemeinde register of " + RegisterCheck.german(register.gebietsstand())
                        + " has no such Gemeinde; is the key mistyped, or of another"
                        + " Gebietsstand?"));
    }
}

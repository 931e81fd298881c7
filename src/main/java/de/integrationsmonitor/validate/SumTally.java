package de.integrationsmonitor.validate;

/**
 * How a sum rule fared over a delivery: how often the parts added up to the total, how often they did not, and how
 * often it could not be known because a part or the total was secret or unknown (or the parts were not reported).
 */
public record SumTally(long holds, long fails, long unknowable) {

    public static final SumTally NONE = new SumTally(0, 0, 0);

    SumTally plus(Outcome outcome) {
        return switch (outcome) {
            case HOLDS -> new SumTally(holds + 1, fails, unknowable);
            case FAILS -> new SumTally(holds, fails + 1, unknowable);
            case UNKNOWABLE -> new SumTally(holds, fails, unknowable + 1);
        };
    }

    SumTally plus(SumTally other) {
        return new SumTally(holds + other.holds, fails + other.fails, unknowable + other.unknowable);
    }

    enum Outcome {
        HOLDS,
        FAILS,
        UNKNOWABLE
    }
}

package de.integrationsmonitor.disclosure;

/** A closed interval of values; {@code high} is {@link Double#POSITIVE_INFINITY} where nothing bounds a cell. */
public record Interval(double low, double high) {

    public double width() {
        return high - low;
    }

    /** Whether this interval reaches at least as far as {@code other} on both sides (with a tolerance). */
    public boolean covers(Interval other) {
        return low <= other.low + Suppression.TOLERANCE && high >= other.high - Suppression.TOLERANCE;
    }

    @Override
    public String toString() {
        return "[" + number(low) + ", " + (Double.isInfinite(high) ? "∞" : number(high)) + "]";
    }

    static String number(double d) {
        return Math.abs(d - Math.rint(d)) < 1e-6
                ? String.valueOf((long) Math.rint(d))
                : String.format(java.util.Locale.ROOT, "%.2f", d);
    }
}

package de.integrationsmonitor.report.fill;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * German display format for report figures: decimal comma, thousands dot, dates {@code dd.MM.yyyy}.
 *
 * <p>Rounds half up (5,35 → 5,4; -5,35 → -5,4), as the statistical offices do, and only for display:
 * callers keep and compute with unrounded values. The format is built by hand rather than through
 * {@code DecimalFormat}/locale data so the output does not change with the JDK's locale provider.
 */
public final class GermanNumberFormat {

    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private GermanNumberFormat() {}

    /** {@code 82919} with 0 decimals → {@code 82.919}; {@code -14.55} with 1 → {@code -14,6}. */
    public static String number(BigDecimal value, int decimals) {
        Objects.requireNonNull(value, "value");
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must not be negative: " + decimals);
        }
        BigDecimal rounded = value.setScale(decimals, RoundingMode.HALF_UP);
        // "-0,0" would suggest a sign the rounded figure does not have
        boolean negative = rounded.signum() < 0;
        String plain = rounded.abs().toPlainString();
        int dot = plain.indexOf('.');
        String integer = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);

        StringBuilder out = new StringBuilder(plain.length() + integer.length() / 3 + 2);
        if (negative) {
            out.append('-');
        }
        int firstGroup = integer.length() % 3 == 0 ? 3 : integer.length() % 3;
        out.append(integer, 0, firstGroup);
        for (int i = firstGroup; i < integer.length(); i += 3) {
            out.append('.').append(integer, i, i + 3);
        }
        if (!fraction.isEmpty()) {
            out.append(',').append(fraction);
        }
        return out.toString();
    }

    /** A share in percent with one decimal: {@code 4.098} → {@code 4,1 %}. */
    public static String percent(BigDecimal value) {
        return number(value, 1) + " %";
    }

    /** A count, whole: {@code 82919} → {@code 82.919}. */
    public static String count(BigDecimal value) {
        return number(value, 0);
    }

    /** A count, whole: {@code 82919} → {@code 82.919}. */
    public static String count(long value) {
        return number(BigDecimal.valueOf(value), 0);
    }

    /**
     * A table cell without unit: the rounded value, the office symbol in place of a missing value
     * ({@code .}), a qualifying symbol after the value ({@code 12,3 p}), or parentheses for limited
     * reliability ({@code (12,3)}).
     */
    public static String figure(Figure figure, int decimals) {
        return figure(figure, decimals, "");
    }

    /**
     * Like {@link #figure(Figure, int)}, with the unit symbol after the number when it is a sign
     * that belongs to the number ({@code %}, {@code ‰}): {@code 4,1 %}, {@code 12,3 % p}.
     * Other units ("je 1.000 Einwohner") are left to the unit column.
     */
    public static String figure(Figure figure, int decimals, String unit) {
        Objects.requireNonNull(figure, "figure");
        if (figure.value().isEmpty()) {
            return figure.marker();
        }
        String number = number(figure.value().get(), decimals);
        String u = unit == null ? "" : unit.strip();
        if (u.equals("%") || u.equals("‰")) {
            number = number + " " + u;
        }
        String marker = figure.marker();
        if (marker.isEmpty()) {
            return number;
        }
        if (marker.equals("()")) {
            return "(" + number + ")";
        }
        return number + " " + marker;
    }

    /** {@code 2015-12-31} → {@code 31.12.2015}. */
    public static String date(LocalDate date) {
        return GERMAN_DATE.format(Objects.requireNonNull(date, "date"));
    }
}

package de.integrationsmonitor.observation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference period as the offices publish it: its kind and the interval it covers. A Stichtag is one day; a
 * Jahresdurchschnitt, Jahressumme or Jahr the calendar year; a Schuljahr the school year from 1 August to 31 July
 * of its year. The reference date is the last day of the interval (the day itself for a Stichtag).
 *
 * @param text as the file writes it ({@code 2015}, {@code 31.12.2015}, {@code 2010/11}; an ISO date of an ffcsv
 *             in the German form), kept as delivered
 */
public record Period(PeriodKind kind, LocalDate referenceDate, String text) {

    /** The last day of a school year: the offices count school leavers at its end. */
    public static final MonthDay SCHOOL_YEAR_END = MonthDay.of(7, 31);

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern SCHOOL_YEAR = Pattern.compile("(\\d{4})/(\\d{2}|\\d{4})");
    private static final Pattern GERMAN_DATE = Pattern.compile("(\\d{2})\\.(\\d{2})\\.(\\d{4})");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    public Period {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(referenceDate, "referenceDate");
        Objects.requireNonNull(text, "text");
    }

    /** A period of this kind ending on the reference date, written as the offices label it. */
    public static Period of(PeriodKind kind, LocalDate referenceDate) {
        int year = referenceDate.getYear();
        return new Period(
                kind,
                referenceDate,
                kind.isDay()
                        ? germanDate(referenceDate)
                        : kind == PeriodKind.SCHULJAHR ? schoolYear(year) : String.valueOf(year));
    }

    /** What a file declares about all its periods: their kind and, for a Stichtag, its day of the year. */
    public record Declaration(PeriodKind kind, Optional<MonthDay> day) {
        public Declaration {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(day, "day");
        }

        public static Declaration of(PeriodKind kind) {
            return new Declaration(kind, Optional.empty());
        }
    }

    /** The first day of the interval. */
    public LocalDate start() {
        return switch (kind) {
            case STICHTAG -> referenceDate;
            case SCHULJAHR -> referenceDate.minusYears(1).plusDays(1);
            default -> LocalDate.of(referenceDate.getYear(), 1, 1);
        };
    }

    /** The last day of the interval, the reference date. */
    public LocalDate end() {
        return referenceDate;
    }

    /** The reference year: the year the period ends in (a Schuljahr 2010/11 has the year 2011). */
    public int year() {
        return referenceDate.getYear();
    }

    /** Whether the day lies within the period (both ends inclusive). */
    public boolean contains(LocalDate day) {
        return !day.isBefore(start()) && !day.isAfter(end());
    }

    /**
     * The period as the offices print it: "31.12.2015", "30.06.2015", "Jahresdurchschnitt 2016",
     * "Jahressumme 2015", "2016" (a calendar year), "Schuljahr 2010/11".
     */
    public String label() {
        return switch (kind) {
            case STICHTAG -> germanDate(referenceDate);
            case JAHRESDURCHSCHNITT, JAHRESSUMME -> kind.german() + " " + year();
            case JAHR -> String.valueOf(year());
            case SCHULJAHR -> kind.german() + " " + schoolYear(year());
        };
    }

    /** "2010/11" for the school year ending in 2011. */
    private static String schoolYear(int endYear) {
        return (endYear - 1) + "/" + String.format("%02d", endYear % 100);
    }

    /** A period written on its own: a date is a Stichtag, a year a calendar year, "2010/11" a school year. */
    public static Optional<Period> parse(String text) {
        return parse(text, Optional.empty());
    }

    /**
     * A period as a file writes it, read with what the file declares about its periods: a year of a table of
     * Stichtage 30.06. is the 30.06. of that year, a year of a table of school years the school year ending in it.
     * A date is always a Stichtag, and "2010/11" always a school year, whatever the declaration.
     */
    public static Optional<Period> parse(String text, Optional<Declaration> declared) {
        String s = text.strip();
        try {
            Matcher m = YEAR.matcher(s);
            if (m.matches()) {
                int year = Integer.parseInt(m.group(1));
                if (!plausible(year)) {
                    return Optional.empty();
                }
                PeriodKind kind = declared.map(Declaration::kind).orElse(PeriodKind.JAHR);
                LocalDate end = switch (kind) {
                    case STICHTAG ->
                        declared.flatMap(Declaration::day)
                                .orElse(MonthDay.of(12, 31))
                                .atYear(year);
                    case SCHULJAHR -> SCHOOL_YEAR_END.atYear(year);
                    default -> LocalDate.of(year, 12, 31);
                };
                return Optional.of(new Period(kind, end, s));
            }
            m = SCHOOL_YEAR.matcher(s);
            if (m.matches()) {
                int first = Integer.parseInt(m.group(1));
                int second = Integer.parseInt(m.group(2));
                int last = m.group(2).length() == 2 ? (first + 1) / 100 * 100 + second : second;
                return plausible(first) && last == first + 1
                        ? Optional.of(new Period(PeriodKind.SCHULJAHR, SCHOOL_YEAR_END.atYear(last), s))
                        : Optional.empty();
            }
            m = GERMAN_DATE.matcher(s);
            if (m.matches()) {
                LocalDate date = LocalDate.of(
                        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
                return plausible(date.getYear())
                        ? Optional.of(new Period(PeriodKind.STICHTAG, date, s))
                        : Optional.empty();
            }
            m = ISO_DATE.matcher(s);
            if (m.matches()) {
                LocalDate date = LocalDate.parse(s);
                return plausible(date.getYear())
                        ? Optional.of(new Period(PeriodKind.STICHTAG, date, germanDate(date)))
                        : Optional.empty();
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Years outside this range are region codes or counts, not periods. */
    private static boolean plausible(int year) {
        return year >= 1900 && year <= 2199;
    }

    private static String germanDate(LocalDate date) {
        return String.format("%02d.%02d.%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }
}

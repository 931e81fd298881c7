package de.integrationsmonitor.observation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference period as the offices write it: a year ({@code 2015}, a Jahressumme or Jahresdurchschnitt, dated
 * 31.12. of the year), a German date ({@code 31.12.2015}, a Stichtag) or an ISO date ({@code 2015-12-31}, ffcsv).
 */
public record Period(String label, LocalDate referenceDate) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern GERMAN_DATE = Pattern.compile("(\\d{2})\\.(\\d{2})\\.(\\d{4})");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    public int year() {
        return referenceDate.getYear();
    }

    public static Optional<Period> parse(String text) {
        String s = text.strip();
        try {
            Matcher m = YEAR.matcher(s);
            if (m.matches()) {
                int year = Integer.parseInt(m.group(1));
                return plausible(year) ? Optional.of(new Period(s, LocalDate.of(year, 12, 31))) : Optional.empty();
            }
            m = GERMAN_DATE.matcher(s);
            if (m.matches()) {
                LocalDate date = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(1)));
                return plausible(date.getYear()) ? Optional.of(new Period(s, date)) : Optional.empty();
            }
            m = ISO_DATE.matcher(s);
            if (m.matches()) {
                LocalDate date = LocalDate.parse(s);
                return plausible(date.getYear())
                        ? Optional.of(new Period(germanDate(date), date)) : Optional.empty();
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

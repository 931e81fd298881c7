package de.integrationsmonitor.goal;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an edition's goals, {@value #FILE}: a table a Kreis office keeps in a spreadsheet and saves as CSV with
 * {@code ;} between the fields (UTF-8, or Windows-1252 as spreadsheets save it), a header line, lines starting with
 * {@code #} as comments, and one goal per line:
 * <pre>
 * indikator;kreis;basisjahr;zielwert;zieljahr;korridor
 * arbeitslosenquote_auslaender;15001;2019;12,0;2027;0,5
 * </pre>
 * {@code kreis} is a five-digit AGS of the edition or {@code alle}; numbers take a decimal comma (or point);
 * {@code korridor} may stay empty. Every refusal names file, line, field and the allowed values.
 */
public final class GoalsFile {

    public static final String FILE = "ziele.csv";
    static final List<String> COLUMNS = List.of("indikator", "kreis", "basisjahr", "zielwert", "zieljahr", "korridor");
    static final String ALL = "alle";

    private GoalsFile() {}

    /** The goals of the file's bytes, checked against the edition. */
    public static List<Goal> read(Path file, byte[] bytes, Scope scope) {
        String text = decode(bytes);
        List<Goal> goals = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(';')
                .setCommentMarker('#')
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            boolean header = true;
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                String where = file + ":" + line;
                if (header) {
                    header = false;
                    List<String> names = record.stream()
                            .map(n -> n.strip().toLowerCase(Locale.ROOT))
                            .toList();
                    List<String> required = COLUMNS.subList(0, 5);
                    if (!names.subList(0, Math.min(names.size(), 5)).equals(required)
                            || names.size() > 6
                            || names.size() == 6 && !names.get(5).equals("korridor")) {
                        throw new GoalException(where + ": the header is '" + String.join(";", record.toList())
                                + "'; expected the columns " + String.join(";", COLUMNS)
                                + " (korridor may be left out)");
                    }
                    continue;
                }
                if (record.size() < 5 || record.size() > 6) {
                    throw new GoalException(where + ": " + record.size() + " field(s); expected "
                            + String.join(";", COLUMNS) + " (korridor may stay empty)");
                }
                String indicator = record.get(0).strip();
                scope.checkIndicator(where, "indikator", indicator);
                String kreis = record.get(1).strip();
                Optional<String> ags = Optional.empty();
                if (!kreis.equalsIgnoreCase(ALL)) {
                    scope.checkKreis(where, "kreis", kreis);
                    ags = Optional.of(kreis);
                }
                int baseline = year(where, "basisjahr", record.get(2));
                BigDecimal target = number(where, "zielwert", record.get(3));
                int targetYear = year(where, "zieljahr", record.get(4));
                if (targetYear <= baseline) {
                    throw new GoalException(where + ", field zieljahr: " + targetYear + " is not after the basisjahr "
                            + baseline + "; allowed: a year after " + baseline);
                }
                Optional<BigDecimal> corridor = Optional.empty();
                if (record.size() == 6 && !record.get(5).isBlank()) {
                    BigDecimal c = number(where, "korridor", record.get(5));
                    if (c.signum() < 0) {
                        throw new GoalException(where + ", field korridor: " + record.get(5) + "; allowed: empty or"
                                + " a number of 0 or more (the tolerance in the indicator's unit)");
                    }
                    corridor = Optional.of(c);
                }
                if (!seen.add(indicator + " " + kreis.toLowerCase(Locale.ROOT))) {
                    throw new GoalException(where + ": a second goal for " + indicator + " and " + kreis
                            + "; allowed: one goal per indicator and Kreis");
                }
                goals.add(new Goal(indicator, ags, baseline, target, targetYear, corridor, (int) line));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new GoalException(file + ": not a readable CSV file: " + e.getMessage());
        }
        // a goal for one Kreis takes precedence over one for all Kreise: both may stand, the own one is shown
        return List.copyOf(goals);
    }

    private static int year(String where, String field, String value) {
        String v = value.strip();
        if (v.matches("(19|20)\\d\\d")) {
            return Integer.parseInt(v);
        }
        throw new GoalException(
                where + ", field " + field + ": '" + v + "'; allowed: a year with four digits," + " e.g. 2019");
    }

    private static BigDecimal number(String where, String field, String value) {
        String v = value.strip().replace(" ", "");
        if (v.matches("-?\\d+([.,]\\d+)?")) {
            return new BigDecimal(v.replace(',', '.'));
        }
        throw new GoalException(where + ", field " + field + ": '" + value.strip() + "'; allowed: a number in the"
                + " indicator's unit with a decimal comma, e.g. 12,5 (no unit, no thousands separator)");
    }

    /** UTF-8 if the bytes are UTF-8 (with or without BOM), else Windows-1252, as spreadsheets save CSV. */
    static String decode(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, Charset.forName("windows-1252"));
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The commented stub {@code bin/imon texte} writes: the header, and examples as comments. */
    public static String stub(String editionTitle, List<String> indicators, String exampleKreis) {
        String example = indicators.isEmpty() ? "auslaenderanteil" : indicators.get(0);
        return "# " + editionTitle + ": Ziele (eine Zeile je Ziel; Zeilen mit # sind Kommentare).\n"
                + "# indikator: eine Indikator-ID der Ausgabe: " + String.join(", ", indicators) + "\n"
                + "# kreis: fünfstelliger Kreisschlüssel der Ausgabe oder 'alle'\n"
                + "# basisjahr: das Jahr des Ausgangswertes; zielwert (Dezimalkomma, in der Einheit des Indikators)\n"
                + "# bis zieljahr; korridor (optional): so weit darf der Wert auf der ungünstigen Seite des linearen\n"
                + "# Pfades liegen und gilt noch als 'auf Kurs'. Siehe docs/ziele-massnahmen.md.\n"
                + String.join(";", COLUMNS) + "\n"
                + "# " + example + ";" + exampleKreis + ";2019;10,0;2027;0,5\n";
    }
}

package de.integrationsmonitor.goal;

import de.integrationsmonitor.yaml.SafeYaml;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads an edition's measures, {@value #FILE}: a YAML list, one entry per measure, whose {@code text} is Markdown
 * as in the authors' texts (a block after {@code text: |}):
 * <pre>
 * - id: M-01
 *   titel: Sprachkurse für Eltern
 *   handlungsfeld: Bildung
 *   traeger: Volkshochschule
 *   beginn: 2021-03-01        # a year (2021), a month (2021-03) or a day
 *   ende: 2024                # optional
 *   status: laufend           # geplant, laufend, abgeschlossen, eingestellt
 *   indikatoren: [schulabgaenger_ohne_abschluss]
 *   kreise: ["15001"]         # optional: the measure belongs to these Kreise; without it to every Kreis
 *   text: |
 *     Der Kurs läuft an **drei** Schulen.
 * </pre>
 * One file for all measures keeps them in one place to sort and compare; YAML keeps the Markdown text readable.
 * Every refusal names file, line, the measure's id, field and the allowed values.
 */
public final class MeasuresFile {

    public static final String FILE = "massnahmen.yml";
    static final Set<String> FIELDS = new java.util.LinkedHashSet<>(List.of(
            "id", "titel", "handlungsfeld", "traeger", "beginn", "ende", "status", "indikatoren", "kreise", "text"));
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

    private MeasuresFile() {}

    public static List<Measure> read(Path file, String text, Scope scope) {
        Node root;
        try {
            root = SafeYaml.compose(text);
        } catch (RuntimeException e) {
            throw new GoalException(file + " is not valid YAML: " + SafeYaml.problem(e));
        }
        if (root == null) {
            return List.of();
        }
        if (!(root instanceof SequenceNode list)) {
            throw new GoalException(file + ":" + line(root) + ": expected a list of measures, each starting with"
                    + " '- id: ...'; fields: " + String.join(", ", FIELDS));
        }
        List<Measure> measures = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int entry = 0;
        for (Node item : list.getValue()) {
            entry++;
            String where = file + ":" + line(item) + " (Maßnahme " + entry + ")";
            if (!(item instanceof MappingNode mapping)) {
                throw new GoalException(where + ": expected the fields of a measure: " + String.join(", ", FIELDS));
            }
            Map<String, Node> fields = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
                if (!FIELDS.contains(key)) {
                    throw new GoalException(
                            file + ":" + line(tuple.getKeyNode()) + " (Maßnahme " + entry + "): unknown field '"
                                    + SafeYaml.excerpt(key) + "'; allowed: " + String.join(", ", FIELDS));
                }
                fields.put(key, tuple.getValueNode());
            }
            String id = scalar(file, entry, fields, "id", mapping);
            if (!ID.matcher(id).matches()) {
                throw refuse(
                        file,
                        entry,
                        fields.get("id"),
                        "id",
                        "'" + SafeYaml.excerpt(id) + "'",
                        "letters, digits, '.', '_' and '-', up to 40 characters, e.g. M-01");
            }
            if (!ids.add(id)) {
                throw refuse(
                        file,
                        entry,
                        fields.get("id"),
                        "id",
                        "'" + id + "' a second time",
                        "an id each measure has alone");
            }
            String label = entry + ", id " + id;
            String title = scalar(file, label, fields, "titel", mapping);
            String field = scalar(file, label, fields, "handlungsfeld", mapping);
            if (!scope.handlungsfelder().contains(field)) {
                throw refuse(
                        file,
                        label,
                        fields.get("handlungsfeld"),
                        "handlungsfeld",
                        "'" + field + "'",
                        String.join(", ", scope.handlungsfelder()));
            }
            String traeger = scalar(file, label, fields, "traeger", mapping);
            LocalDate start = date(file, label, fields.get("beginn"), "beginn", false, mapping);
            Optional<LocalDate> end = fields.containsKey("ende") && !blank(fields.get("ende"))
                    ? Optional.of(date(file, label, fields.get("ende"), "ende", true, mapping))
                    : Optional.empty();
            if (end.isPresent() && end.get().isBefore(start)) {
                throw refuse(
                        file,
                        label,
                        fields.get("ende"),
                        "ende",
                        "before beginn " + start,
                        "a date on or after the beginning");
            }
            String statusWord = scalar(file, label, fields, "status", mapping);
            MeasureStatus status = MeasureStatus.of(statusWord)
                    .orElseThrow(() -> refuse(
                            file,
                            label,
                            fields.get("status"),
                            "status",
                            "'" + SafeYaml.excerpt(statusWord) + "'",
                            MeasureStatus.allowed()));
            List<String> indicators = list(file, label, fields.get("indikatoren"), "indikatoren", mapping);
            if (indicators.isEmpty()) {
                throw refuse(
                        file,
                        label,
                        fields.getOrDefault("indikatoren", mapping),
                        "indikatoren",
                        "no indicator",
                        "a list of the edition's indicators the measure aims at: "
                                + String.join(", ", scope.editionIndicators().keySet()));
            }
            String at = file + ":" + line(fields.get("indikatoren")) + " (Maßnahme " + label + ")";
            for (String indicator : indicators) {
                scope.checkIndicator(at, "indikatoren", indicator);
            }
            List<String> kreise = fields.containsKey("kreise")
                    ? list(file, label, fields.get("kreise"), "kreise", mapping)
                    : List.of();
            for (String ags : kreise) {
                scope.checkKreis(file + ":" + line(fields.get("kreise")) + " (Maßnahme " + label + ")", "kreise", ags);
            }
            Node textNode = fields.get("text");
            String markdown = textNode instanceof ScalarNode s ? s.getValue() : "";
            if (textNode != null && !(textNode instanceof ScalarNode)) {
                throw refuse(file, label, textNode, "text", "a list or mapping", "Markdown text after 'text: |'");
            }
            // a block scalar's text begins on the line after 'text: |'
            int textLine = textNode == null
                    ? 0
                    : line(textNode)
                            + (((ScalarNode) textNode).getScalarStyle()
                                                    == org.yaml.snakeyaml.DumperOptions.ScalarStyle.LITERAL
                                            || ((ScalarNode) textNode).getScalarStyle()
                                                    == org.yaml.snakeyaml.DumperOptions.ScalarStyle.FOLDED
                                    ? 1
                                    : 0);
            measures.add(new Measure(
                    id, title, field, traeger, start, end, status, indicators, kreise, markdown, line(item), textLine));
        }
        return List.copyOf(measures);
    }

    private static boolean blank(Node node) {
        return node instanceof ScalarNode s
                && (s.getValue().isBlank()
                        || s.getValue().equals("~")
                        || s.getValue().equals("null"));
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private static GoalException refuse(Path file, Object entry, Node node, String field, String what, String allowed) {
        return new GoalException(file + ":" + line(node) + " (Maßnahme " + entry + "), field " + field + ": " + what
                + "; allowed: " + allowed);
    }

    private static String scalar(Path file, Object entry, Map<String, Node> fields, String field, Node mapping) {
        Node node = fields.get(field);
        if (node == null || blank(node)) {
            throw refuse(
                    file,
                    entry,
                    node == null ? mapping : node,
                    field,
                    "missing",
                    switch (field) {
                        case "id" -> "an id such as M-01";
                        case "titel" -> "the measure's title";
                        case "handlungsfeld" -> "a Handlungsfeld of the edition";
                        case "traeger" -> "the responsible body, e.g. Volkshochschule";
                        case "status" -> MeasureStatus.allowed();
                        default -> "a value";
                    });
        }
        if (!(node instanceof ScalarNode s)) {
            throw refuse(file, entry, node, field, "a list or mapping", "one value");
        }
        return s.getValue().strip();
    }

    private static List<String> list(Path file, Object entry, Node node, String field, Node mapping) {
        if (node == null) {
            return List.of();
        }
        if (node instanceof ScalarNode s && !blank(s)) {
            return List.of(s.getValue().strip());
        }
        if (!(node instanceof SequenceNode seq)) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Node v : seq.getValue()) {
            if (!(v instanceof ScalarNode s)) {
                throw refuse(file, entry, v, field, "a nested list or mapping", "a list of ids, e.g. [a, b]");
            }
            values.add(s.getValue().strip());
        }
        return values;
    }

    /** A year, a month or a day; a year or month as an end means its last day. */
    private static LocalDate date(Path file, Object entry, Node node, String field, boolean end, Node mapping) {
        if (node == null || blank(node)) {
            throw refuse(
                    file,
                    entry,
                    node == null ? mapping : node,
                    field,
                    "missing",
                    "a year (2021), a month (2021-03) or a day (2021-03-15)");
        }
        String v = node instanceof ScalarNode s ? s.getValue().strip() : "";
        try {
            if (v.matches("\\d{4}")) {
                int year = Integer.parseInt(v);
                return end ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 1, 1);
            }
            if (v.matches("\\d{4}-\\d{2}")) {
                java.time.YearMonth month = java.time.YearMonth.parse(v);
                return end ? month.atEndOfMonth() : month.atDay(1);
            }
            return LocalDate.parse(v);
        } catch (java.time.DateTimeException e) {
            throw refuse(
                    file,
                    entry,
                    node,
                    field,
                    "'" + SafeYaml.excerpt(v) + "'",
                    "a year (2021), a month (2021-03) or a day (2021-03-15)");
        }
    }

    /** The commented stub {@code bin/imon texte} writes. */
    public static String stub(String editionTitle, List<String> handlungsfelder, List<String> indicators) {
        String field = handlungsfelder.isEmpty() ? "Bildung" : handlungsfelder.get(0);
        String indicator = indicators.isEmpty() ? "auslaenderanteil" : indicators.get(0);
        return "# " + editionTitle + ": Maßnahmen, eine je Eintrag (Zeilen mit # sind Kommentare).\n"
                + "# handlungsfeld: " + String.join(", ", handlungsfelder) + "\n"
                + "# status: " + MeasureStatus.allowed() + "\n"
                + "# indikatoren: Indikator-IDs der Ausgabe: " + String.join(", ", indicators) + "\n"
                + "# beginn/ende: ein Jahr (2021), ein Monat (2021-03) oder ein Tag (2021-03-15); ende ist optional.\n"
                + "# kreise (optional): die Kreise, zu denen die Maßnahme gehört; ohne: alle Kreise der Ausgabe.\n"
                + "# text: Markdown wie in den Texten der Autorinnen und Autoren. Siehe docs/ziele-massnahmen.md.\n"
                + "#\n"
                + "# - id: M-01\n"
                + "#   titel: Titel der Maßnahme\n"
                + "#   handlungsfeld: " + field + "\n"
                + "#   traeger: Träger der Maßnahme\n"
                + "#   beginn: 2021\n"
                + "#   status: laufend\n"
                + "#   indikatoren: [" + indicator + "]\n"
                + "#   text: |\n"
                + "#     Stand der Maßnahme in wenigen Sätzen.\n"
                + "[]\n";
    }
}

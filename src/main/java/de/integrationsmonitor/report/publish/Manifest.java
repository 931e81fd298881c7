package de.integrationsmonitor.report.publish;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code manifest.txt} of a published edition folder: what its reports rest on (inputs, catalogue, register,
 * deliveries, the authors' texts) and every PDF beside it with its SHA-256 and report version, so that an auditor can check
 * a folder (or a re-run) against what was published. It is written last, into the staging folder, and published
 * with the PDFs in one step, so it always describes the files beside it.
 */
public record Manifest(
        String edition,
        String versionId,
        String inputsSha256,
        String catalogue,
        String catalogueSha256,
        String registerSha256,
        List<String> deliveries,
        List<String> texts,
        Map<String, Entry> reports,
        Map<String, String> failed) {

    public static final String FILE_NAME = "manifest.txt";

    private static final Pattern REPORT = Pattern.compile("  (.+) SHA-256 ([0-9a-f]{64}) Version (\\S+)");
    private static final Pattern FAILED = Pattern.compile("  (\\S+): (.*)");

    /** One published PDF: its hash and the report version it belongs to. */
    public record Entry(String sha256, String versionId) {}

    public Manifest {
        reports = new TreeMap<>(reports);
        failed = new TreeMap<>(failed);
        deliveries = List.copyOf(deliveries);
        texts = List.copyOf(texts);
    }

    public String text() {
        StringBuilder text = new StringBuilder("Integrationsmonitor - Manifest der Ausgabe ")
                .append(edition)
                .append("\nBerichtsversion: ")
                .append(versionId)
                .append("\nSHA-256 der Eingaben: ")
                .append(inputsSha256)
                .append("\nKatalog: ")
                .append(catalogue)
                .append(" (SHA-256 ")
                .append(catalogueSha256)
                .append(')')
                .append("\nKreisregister: SHA-256 ")
                .append(registerSha256)
                .append("\nLieferungen:\n");
        deliveries.forEach(d -> text.append("  ").append(d).append('\n'));
        if (!texts.isEmpty()) {
            text.append("Texte der Autorinnen und Autoren:\n");
            texts.forEach(t -> text.append("  ").append(t).append('\n'));
        }
        text.append("Berichte:\n");
        reports.forEach((file, entry) -> text.append("  ")
                .append(file)
                .append(" SHA-256 ")
                .append(entry.sha256())
                .append(" Version ")
                .append(entry.versionId())
                .append('\n'));
        if (!failed.isEmpty()) {
            text.append("Nicht erstellt:\n");
            failed.forEach((unit, reason) -> text.append("  ")
                    .append(unit)
                    .append(": ")
                    .append(reason.replace('\n', ' '))
                    .append('\n'));
        }
        return text.toString();
    }

    /**
     * What a published manifest says: its inputs' hash, its reports and the units that failed; empty when the text
     * is not a manifest this product wrote.
     */
    public static Optional<Published> parse(String text) {
        String inputs = null;
        String version = null;
        Map<String, Entry> reports = new LinkedHashMap<>();
        Map<String, String> failed = new LinkedHashMap<>();
        String section = "";
        for (String line : text.split("\n")) {
            if (line.startsWith("SHA-256 der Eingaben: ")) {
                inputs = line.substring("SHA-256 der Eingaben: ".length()).strip();
            } else if (line.startsWith("Berichtsversion: ")) {
                version = line.substring("Berichtsversion: ".length()).strip();
            } else if (!line.startsWith("  ")) {
                section = line;
            } else if (section.equals("Berichte:")) {
                Matcher m = REPORT.matcher(line);
                if (m.matches()) {
                    reports.put(m.group(1), new Entry(m.group(2), m.group(3)));
                }
            } else if (section.equals("Nicht erstellt:")) {
                Matcher m = FAILED.matcher(line);
                if (m.matches()) {
                    failed.put(m.group(1), m.group(2));
                }
            }
        }
        return inputs == null || version == null
                ? Optional.empty()
                : Optional.of(new Published(version, inputs, reports, failed));
    }

    /** The part of a published manifest that tells whether a folder is up to date and complete. */
    public record Published(
            String versionId, String inputsSha256, Map<String, Entry> reports, Map<String, String> failed) {}
}

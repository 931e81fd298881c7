package de.integrationsmonitor.validate;

import de.integrationsmonitor.observation.Deliveries;
import de.integrationsmonitor.observation.Delivery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The readable validation report (Prüfbericht): per delivery its line account, its findings and its quarantined
 * lines with file line and reason; skipped lines summed up by reason. Written next to the PDFs.
 */
@Component
public class FindingsReport {

    public static final String FILE_NAME = "pruefbericht.txt";
    private static final DateTimeFormatter STAND = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

    private final Deliveries deliveries;
    private final FindingStore findings;

    public FindingsReport(Deliveries deliveries, FindingStore findings) {
        this.deliveries = deliveries;
        this.findings = findings;
    }

    public Path write(Path outputFolder) {
        Path file = outputFolder.resolve(FILE_NAME);
        try {
            Files.createDirectories(outputFolder);
            Files.writeString(file, text(Optional.empty()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    public String text(Optional<Long> onlyDelivery) {
        StringBuilder out = new StringBuilder("Prüfbericht des Integrationsmonitors\n")
                .append("====================================\n\n");
        List<FindingStore.ListedFinding> listed = findings.list(onlyDelivery, true);
        for (Delivery d : deliveries.all()) {
            if (onlyDelivery.isPresent() && onlyDelivery.get() != d.id()) {
                continue;
            }
            out.append("Lieferung ")
                    .append(d.id())
                    .append(": ")
                    .append(d.fileName())
                    .append(" (Tabelle ")
                    .append(d.tableCode())
                    .append(", ")
                    .append(d.format())
                    .append(", ")
                    .append(d.encoding())
                    .append(d.officeStand()
                            .map(s -> ", Stand " + STAND.format(s))
                            .orElse(""))
                    .append(")\n");
            out.append("  ")
                    .append(d.dataLines())
                    .append(" Datenzeilen: ")
                    .append(d.rowsStored())
                    .append(" gespeichert, ")
                    .append(d.rowsRejected())
                    .append(" in Quarantäne, ")
                    .append(d.rowsSkipped())
                    .append(" übersprungen\n");
            List<FindingStore.ListedFinding> own =
                    listed.stream().filter(f -> f.deliveryId() == d.id()).toList();
            Map<String, Integer> skippedByReason = new TreeMap<>();
            for (FindingStore.ListedFinding f : own) {
                if (f.severity().equals("skipped")) {
                    skippedByReason.merge(
                            f.message()
                                    .replaceAll("Kreis \\d{5} \\(.*?\\)", "Kreis …")
                                    .replaceAll("\\d{2}\\.\\d{2}\\.\\d{4}", "…"),
                            1,
                            Integer::sum);
                    continue;
                }
                out.append("  ")
                        .append(f.line().map(l -> "Zeile " + l).orElse("Datei"))
                        .append(" [")
                        .append(f.severity())
                        .append("] ")
                        .append(f.message())
                        .append('\n');
            }
            skippedByReason.forEach((reason, count) -> out.append("  übersprungen: ")
                    .append(count)
                    .append(" Zeile(n): ")
                    .append(reason)
                    .append('\n'));
            out.append('\n');
        }
        return out.toString();
    }
}

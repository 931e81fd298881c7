package de.integrationsmonitor.report;

import de.integrationsmonitor.ImonSettings;
import de.integrationsmonitor.indicator.CatalogueLoader;
import de.integrationsmonitor.indicator.IndicatorCatalogue;
import de.integrationsmonitor.indicator.IndicatorDefinition;
import de.integrationsmonitor.indicator.IndicatorValue;
import de.integrationsmonitor.region.Kreis;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.store.Delivery;
import de.integrationsmonitor.store.DeliveryRepository;
import de.integrationsmonitor.store.IndicatorRepository;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/** Renders an edition: one PDF per Kreis from the latest computation, into {@code output/}. */
@Service
public class ReportService {

    private final ImonSettings settings;
    private final IndicatorRepository indicators;
    private final DeliveryRepository deliveries;
    private final KreisRegister register;
    private final Map<Path, KreisReportRenderer> renderers = new HashMap<>();

    public ReportService(ImonSettings settings, IndicatorRepository indicators, DeliveryRepository deliveries,
                         KreisRegister register) {
        this.settings = settings;
        this.indicators = indicators;
        this.deliveries = deliveries;
        this.register = register;
    }

    /**
     * What rendering an edition gave: the files written, the Kreise that failed (with the reason), and the Kreise
     * of the selection left out because the data hold no value of the edition's indicators for them.
     */
    public record EditionResult(String edition, Path folder, List<Path> written, Map<String, String> failed,
                                List<String> withoutData) {
    }

    public EditionResult render(Edition edition, Optional<String> onlyKreis, Consumer<String> progress) {
        IndicatorCatalogue catalogue = CatalogueLoader.load(settings.catalogue());
        List<IndicatorDefinition> shown = new ArrayList<>();
        for (String id : edition.indicators()) {
            shown.add(catalogue.find(id).orElseThrow(() -> new EditionException(edition.file() + ": indicator '"
                    + id + "' is not in the catalogue; known: " + catalogue.indicators().stream()
                    .map(IndicatorDefinition::id).toList())));
        }
        IndicatorRepository.Computation computation = indicators.latestComputation().orElseThrow(() ->
                new EditionException("no indicators computed yet: run 'bin/imon ingest' and 'bin/imon compute',"
                        + " or 'bin/imon run'"));
        List<IndicatorValue> values = indicators.values(computation.id());
        Map<String, IndicatorValue> byKey = new HashMap<>();
        values.forEach(v -> byKey.put(key(v.indicatorId(), v.regionCode(), v.referenceDate()), v));

        LocalDate referenceDate = referenceDate(edition, shown, values);
        List<Delivery> used = deliveries.all().stream()
                .filter(d -> indicators.deliveriesOf(computation.id()).contains(d.id()))
                .filter(d -> shown.stream().anyMatch(i -> i.sources().contains(d.tableCode())))
                .toList();
        String dataStatus = used.stream().map(Delivery::officeStand).flatMap(Optional::stream)
                .max(Comparator.naturalOrder()).map(LocalDateTime::toLocalDate).map(GermanNumberFormat::date)
                .orElse("unbekannt");
        boolean synthetic = used.stream().anyMatch(d -> deliveries.notes(d.id()).stream()
                .anyMatch(n -> n.toLowerCase(Locale.ROOT).contains("synthetisch")));
        List<String> tableCodes = new ArrayList<>(new TreeSet<>(shown.stream()
                .flatMap(i -> i.sources().stream()).toList()));

        KreisReportRenderer renderer = renderers.computeIfAbsent(
                settings.templates().resolve(edition.template()), KreisReportRenderer::new);
        List<Path> written = new ArrayList<>();
        Map<String, String> failed = new java.util.TreeMap<>();
        List<String> withoutData = new ArrayList<>();
        for (Kreis kreis : kreise(edition, referenceDate, onlyKreis)) {
            if (shown.stream().noneMatch(i -> byKey.containsKey(key(i.id(), kreis.ags(), referenceDate)))) {
                withoutData.add(kreis.ags());
                continue;
            }
            String land = register.land(kreis.landCode()).map(l -> l.name()).orElse(kreis.landCode());
            List<IndicatorRow> rows = new ArrayList<>();
            for (IndicatorDefinition indicator : shown) {
                rows.add(new IndicatorRow(indicator.label(), indicator.unit(),
                        figure(byKey.get(key(indicator.id(), kreis.ags(), referenceDate))),
                        figure(byKey.get(key(indicator.id(), kreis.landCode(), referenceDate))),
                        figure(byKey.get(key(indicator.id(), "DG", referenceDate)))));
            }
            KreisReport report = new KreisReport(kreis.ags(), kreis.name(), land, referenceDate, rows, tableCodes,
                    dataStatus, synthetic);
            Path file = settings.output().resolve(edition.outputFileName(kreis.ags()));
            try {
                Files.createDirectories(file.getParent());
                try (OutputStream out = Files.newOutputStream(file)) {
                    renderer.render(report, out);
                }
                written.add(file);
            } catch (IOException | RuntimeException e) {
                failed.put(kreis.ags(), e.getMessage());
                progress.accept("FAILED " + kreis.ags() + ": " + e.getMessage());
            }
        }
        return new EditionResult(edition.id(), settings.output().resolve(edition.outputFileName("x")).getParent(),
                written, failed, withoutData);
    }

    private LocalDate referenceDate(Edition edition, List<IndicatorDefinition> shown, List<IndicatorValue> values) {
        List<LocalDate> dates = values.stream()
                .filter(v -> shown.stream().anyMatch(i -> i.id().equals(v.indicatorId())))
                .map(IndicatorValue::referenceDate)
                .filter(d -> edition.referenceYear().map(y -> d.getYear() == y).orElse(true))
                .sorted().toList();
        if (dates.isEmpty()) {
            throw new EditionException(edition.file() + ": no computed values for "
                    + edition.referenceYear().map(y -> "reference_year " + y).orElse("any year")
                    + " of the indicators " + edition.indicators() + "; ingest the source tables first");
        }
        return dates.get(dates.size() - 1);
    }

    private List<Kreis> kreise(Edition edition, LocalDate date, Optional<String> onlyKreis) {
        List<Kreis> all = register.kreiseOn(date);
        List<Kreis> selected = all;
        if (edition.kreise() instanceof Edition.KreisSelection.OfLand land) {
            selected = all.stream().filter(k -> k.landCode().equals(land.landCode())).toList();
        } else if (edition.kreise() instanceof Edition.KreisSelection.Listed listed) {
            selected = all.stream().filter(k -> listed.ags().contains(k.ags())).toList();
        }
        if (onlyKreis.isPresent()) {
            selected = selected.stream().filter(k -> k.ags().equals(onlyKreis.get())).toList();
            if (selected.isEmpty()) {
                throw new EditionException("Kreis " + onlyKreis.get() + " is not part of edition " + edition.id()
                        + " on " + GermanNumberFormat.date(date));
            }
        }
        return selected;
    }

    private static Figure figure(IndicatorValue value) {
        if (value == null) {
            return Figure.missing("."); // no value computed: unknown
        }
        return new Figure(value.value(), value.marker());
    }

    private static String key(String indicator, String region, LocalDate date) {
        return indicator + "|" + region + "|" + date;
    }
}

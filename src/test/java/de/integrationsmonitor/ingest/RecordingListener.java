package de.integrationsmonitor.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects what a reader streams, for assertions. */
final class RecordingListener implements ExtractListener {

    ExtractHeader header;
    ExtractFooter footer;
    final List<Observation> observations = new ArrayList<>();
    final List<String> rejected = new ArrayList<>();
    final List<String> skipped = new ArrayList<>();

    @Override
    public void header(ExtractHeader header) {
        this.header = header;
    }

    @Override
    public void observation(Observation observation) {
        observations.add(observation);
    }

    @Override
    public void rejected(long line, String reason, String content) {
        rejected.add(line + ": " + reason);
    }

    @Override
    public void skipped(long line, String reason, String content) {
        skipped.add(line + ": " + reason);
    }

    @Override
    public void footer(ExtractFooter footer) {
        this.footer = footer;
    }

    Cell cell(String region, LocalDate date, String variable) {
        return find(region, date, variable).cell();
    }

    Observation find(String region, LocalDate date, String variable) {
        return observations.stream()
                .filter(o -> o.regionCode().equals(region) && o.referenceDate().equals(date)
                        && o.variablePath().equals(variable))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no observation " + region + " " + date + " " + variable
                        + "; variables seen: " + observations.stream().map(Observation::variablePath)
                        .distinct().toList()));
    }

    BigDecimal number(String region, LocalDate date, String variable) {
        return cell(region, date, variable).number().orElseThrow();
    }

    Optional<BigDecimal> maybe(String region, LocalDate date, String variable) {
        return cell(region, date, variable).number();
    }
}

package de.integrationsmonitor.ingest;

import de.integrationsmonitor.observation.Cell;
import de.integrationsmonitor.observation.Observation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects what a reader streams, for assertions (also of readers run by other packages' tests). */
public final class RecordingListener implements ExtractListener {

    /** A line the reader did not store: its number, the reason and the line's text. */
    record Line(long number, String reason, String content) {
        @Override
        public String toString() {
            return number + ": " + reason;
        }
    }

    public ExtractHeader header;
    ExtractFooter footer;
    public final List<Observation> observations = new ArrayList<>();
    final List<Line> rejected = new ArrayList<>();
    final List<Line> skipped = new ArrayList<>();

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
        rejected.add(new Line(line, reason, content));
    }

    @Override
    public void skipped(long line, String reason, String content) {
        skipped.add(new Line(line, reason, content));
    }

    @Override
    public void footer(ExtractFooter footer) {
        this.footer = footer;
    }

    /** The one observation of a region and variable (flat files hold one reference date). */
    Observation value(String region, String variablePath) {
        List<Observation> found = observations.stream()
                .filter(o -> o.regionCode().equals(region) && o.variablePath().equals(variablePath))
                .toList();
        org.assertj.core.api.Assertions.assertThat(found)
                .as("observations for %s, %s", region, variablePath)
                .hasSize(1);
        return found.get(0);
    }

    Line rejectedLine(long number) {
        return rejected.stream()
                .filter(l -> l.number() == number)
                .findFirst()
                .orElseThrow(() -> new AssertionError("line " + number + " was not rejected: " + rejected));
    }

    Cell cell(String region, LocalDate date, String variable) {
        return find(region, date, variable).cell();
    }

    Observation find(String region, LocalDate date, String variable) {
        return observations.stream()
                .filter(o -> o.regionCode().equals(region)
                        && o.referenceDate().equals(date)
                        && o.variablePath().equals(variable))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no observation " + region + " " + date + " " + variable
                        + "; variables seen: "
                        + observations.stream()
                                .map(Observation::variablePath)
                                .distinct()
                                .toList()));
    }

    BigDecimal number(String region, LocalDate date, String variable) {
        return cell(region, date, variable).number().orElseThrow();
    }

    Optional<BigDecimal> maybe(String region, LocalDate date, String variable) {
        return cell(region, date, variable).number();
    }
}

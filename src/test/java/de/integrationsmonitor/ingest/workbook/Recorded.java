package de.integrationsmonitor.ingest.workbook;

import de.integrationsmonitor.ingest.ExtractFooter;
import de.integrationsmonitor.ingest.ExtractHeader;
import de.integrationsmonitor.ingest.ExtractListener;
import de.integrationsmonitor.ingest.LineAccount;
import de.integrationsmonitor.observation.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a workbook reader streamed: header, observations, the rows it did not store with their reasons. */
final class Recorded implements ExtractListener {

    record Row(long number, String reason) {}

    ExtractHeader header;
    LineAccount account;
    final List<Observation> observations = new ArrayList<>();
    final List<Row> rejected = new ArrayList<>();
    final List<Row> skipped = new ArrayList<>();

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
        rejected.add(new Row(line, reason));
    }

    @Override
    public void skipped(long line, String reason, String content) {
        skipped.add(new Row(line, reason));
    }

    @Override
    public void footer(ExtractFooter footer) {}

    /** The cell of a Kreis, variable and year. */
    Optional<Observation> cell(String region, String path, int year) {
        return observations.stream()
                .filter(o -> o.regionCode().equals(region)
                        && o.variablePath().equals(path)
                        && o.period().year() == year)
                .findFirst();
    }
}

package de.integrationsmonitor.ingest;

import java.io.IOException;

/** Reads the flat-file CSV of the GENESIS web service. */
public final class FfcsvReader implements ExtractReader {

    @Override
    public LineAccount read(ExtractSource source, ExtractListener listener) throws IOException {
        throw new ExtractRefusedException(source.fileName(), 0, "ffcsv is not read yet");
    }
}

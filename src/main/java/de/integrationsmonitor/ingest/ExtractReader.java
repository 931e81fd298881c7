package de.integrationsmonitor.ingest;

import java.io.IOException;

/** Reads one delivered file, streaming what it finds to a listener, and accounts for every data line. */
public interface ExtractReader {

    /**
     * @throws ExtractRefusedException when the file cannot be read as a whole; the listener may have received
     *                                 part of it, so the caller must discard what it received
     */
    LineAccount read(ExtractSource source, ExtractListener listener) throws IOException;
}

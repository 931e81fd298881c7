package de.integrationsmonitor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A delivered file and what a first pass over its bytes found (hash, encoding).
 *
 * @param declaredTableCode the table the file is known to hold when the caller knows it better than the file name
 *                          does (a download names its table in the request); the ffcsv reader takes it instead of
 *                          the name's, a classic file names its table itself
 */
public record ExtractSource(Path path, ExtractBytes bytes, Optional<String> declaredTableCode) {

    public ExtractSource(Path path, ExtractBytes bytes) {
        this(path, bytes, Optional.empty());
    }

    public static ExtractSource scan(Path path) throws IOException {
        return scan(path, Optional.empty());
    }

    public static ExtractSource scan(Path path, Optional<String> declaredTableCode) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return new ExtractSource(path, ExtractBytes.scan(in), declaredTableCode);
        }
    }

    public String fileName() {
        return path.getFileName().toString();
    }

    public InputStream open() throws IOException {
        return Files.newInputStream(path);
    }
}

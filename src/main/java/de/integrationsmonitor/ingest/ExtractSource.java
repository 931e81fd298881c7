package de.integrationsmonitor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A delivered file and what a first pass over its bytes found (hash, encoding). */
public record ExtractSource(Path path, ExtractBytes bytes) {

    public static ExtractSource scan(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return new ExtractSource(path, ExtractBytes.scan(in));
        }
    }

    public String fileName() {
        return path.getFileName().toString();
    }

    public InputStream open() throws IOException {
        return Files.newInputStream(path);
    }
}

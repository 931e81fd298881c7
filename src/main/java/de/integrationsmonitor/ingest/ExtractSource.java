package de.integrationsmonitor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/**
 * A delivered file and what a first pass over its bytes found (hash, encoding).
 *
 * @param declaredTableCode the table the file is known to hold when the caller knows it better than the file name
 *                          does (a download names its table in the request); the ffcsv reader takes it instead of
 *                          the name's, a classic file names its table itself
 */
public record ExtractSource(Path path, ExtractBytes bytes, Optional<String> declaredTableCode, FileTime modified) {

    public static ExtractSource scan(Path path) throws IOException {
        return scan(path, Optional.empty());
    }

    public static ExtractSource scan(Path path, Optional<String> declaredTableCode) throws IOException {
        // the time of the last change before the hash is taken: a write during or after it shows in changed()
        FileTime modified = Files.getLastModifiedTime(path);
        try (InputStream in = Files.newInputStream(path)) {
            return new ExtractSource(path, ExtractBytes.scan(in), declaredTableCode, modified);
        }
    }

    /**
     * Whether the file is still the one hashed: its size that of the bytes hashed and its modification time that
     * before hashing. A file still being written is stored under the hash of a prefix otherwise, as the hash and the
     * parsing are separate passes; checked after each, so what was parsed is what was hashed.
     *
     * @return why it is no longer the same, empty when it is
     */
    public Optional<String> changed() throws IOException {
        BasicFileAttributes now = Files.readAttributes(path, BasicFileAttributes.class);
        if (now.size() != bytes.size() || !now.lastModifiedTime().equals(modified)) {
            return Optional.of("the file changed while it was read (" + bytes.size() + " bytes when it was hashed, "
                    + now.size() + " bytes now, last modified " + now.lastModifiedTime() + "); it is still being"
                    + " written or was replaced: ingest it once it is complete");
        }
        return Optional.empty();
    }

    public String fileName() {
        return path.getFileName().toString();
    }

    public InputStream open() throws IOException {
        return Files.newInputStream(path);
    }
}

package de.integrationsmonitor.audit;

import java.util.Optional;

/** The archive of report inputs by content (SHA-256): written once, never overwritten; the store implements it. */
public interface ArchiveStore {

    /** Keeps the bytes under their hash unless they are kept already. */
    void putIfAbsent(String sha256, byte[] content);

    Optional<byte[]> get(String sha256);
}

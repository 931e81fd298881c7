package de.integrationsmonitor.audit;

import java.util.List;
import java.util.function.BiFunction;

/** The append-only audit log; the store implements it. */
public interface AuditLogStore {

    /**
     * Appends one entry after the chain's head, taken under a lock so that concurrent appends (threads, processes)
     * form one chain: {@code make} gets the next sequence number and the head's hash and returns the entry.
     */
    AuditEntry append(BiFunction<Long, String, AuditEntry> make);

    /**
     * As {@link #append}, in the caller's transaction: the entry is committed with what it records (a delivery), or
     * rolled back with it. The chain's head stays locked until that transaction ends.
     */
    AuditEntry appendInTransaction(BiFunction<Long, String, AuditEntry> make);

    /** Every entry, by sequence number. */
    List<AuditEntry> entries();

    /** The chain's head as recorded: the last entry's sequence number and hash (0 and the genesis hash when empty). */
    Head head();

    record Head(long seq, String sha256) {}
}

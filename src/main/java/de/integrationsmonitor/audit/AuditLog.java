package de.integrationsmonitor.audit;

import de.integrationsmonitor.kernel.AuditTrail;
import de.integrationsmonitor.observation.Deliveries;
import de.integrationsmonitor.observation.Delivery;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * The tamper-evident audit log: appends entries (who, when, what, the hashes) chained by SHA-256, and checks the
 * chain, naming the first entry that was changed or removed.
 */
@Service
public class AuditLog implements AuditTrail {

    private final AuditLogStore store;
    private final Clock clock;
    private Deliveries deliveries;

    public AuditLog(AuditLogStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void enter(String action, String subject, String details) {
        append(action, subject, details);
    }

    @Override
    public void enterInTransaction(String action, String subject, String details) {
        appendInTransaction(action, subject, details);
    }

    /** Appends an entry by the OS user and host of this process. */
    public AuditEntry append(String action, String subject, String details) {
        String user = System.getProperty("user.name", "unknown");
        String host = hostName();
        return store.append((seq, prev) -> AuditEntry.next(
                seq, clock.instant(), user, host, action, abbreviate(subject, 1000), abbreviate(details, 4000), prev));
    }

    /** Appends an entry in the caller's transaction: committed with what it records, or not at all. */
    public AuditEntry appendInTransaction(String action, String subject, String details) {
        String user = System.getProperty("user.name", "unknown");
        String host = hostName();
        return store.appendInTransaction((seq, prev) -> AuditEntry.next(
                seq, clock.instant(), user, host, action, abbreviate(subject, 1000), abbreviate(details, 4000), prev));
    }

    /** The deliveries stored, to check that each has its ingest entry (none in tools without a store). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    public void deliveries(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    public List<AuditEntry> entries() {
        return store.entries();
    }

    /**
     * Recomputes the chain: each entry's hash from its fields, each entry's link to the one before, the sequence
     * without gaps and the head recorded after the last one.
     *
     * @return the first problem found, naming the entry; empty when the chain is whole
     */
    public Optional<String> verify() {
        String prev = AuditEntry.GENESIS;
        long expected = 1;
        for (AuditEntry entry : store.entries()) {
            if (entry.seq() != expected) {
                return Optional.of("entry " + expected + (entry.seq() - expected > 1 ? "-" + (entry.seq() - 1) : "")
                        + " was removed (the log goes on with entry " + entry.seq() + ")");
            }
            if (!entry.prevSha256().equals(prev)) {
                return Optional.of("entry " + entry.seq() + " does not follow entry " + (entry.seq() - 1)
                        + ": it names the previous entry's SHA-256 " + entry.prevSha256() + ", which is " + prev);
            }
            String recomputed = entry.recomputed();
            if (!recomputed.equals(entry.sha256())) {
                return Optional.of("entry " + entry.seq() + " (" + entry.action() + " " + entry.subject()
                        + ") was changed: its fields give SHA-256 " + recomputed + ", recorded " + entry.sha256());
            }
            prev = entry.sha256();
            expected++;
        }
        AuditLogStore.Head head = store.head();
        if (head.seq() != expected - 1 || !head.sha256().equals(prev)) {
            return Optional.of(
                    head.seq() > expected - 1
                            ? "entry " + expected + (head.seq() > expected ? "-" + head.seq() : "")
                                    + " was removed (the log's head names entry " + head.seq() + ")"
                            : "the log's head (entry " + head.seq() + ") does not match its last entry "
                                    + (expected - 1));
        }
        return unloggedDelivery();
    }

    private static final Pattern INGESTED = Pattern.compile("^delivery (\\d+) .*sha256 ([0-9a-f]{64})");

    /**
     * A delivery stored without its ingest entry, if there is one. Since the log began, every delivery is committed
     * with its entry; deliveries older than the first one the log names were stored before it existed.
     */
    private Optional<String> unloggedDelivery() {
        if (deliveries == null) {
            return Optional.empty();
        }
        Map<Long, String> logged = new HashMap<>();
        for (AuditEntry entry : store.entries()) {
            Matcher m = INGESTED.matcher(entry.details());
            if (entry.action().equals(AuditEntry.INGEST) && m.find()) {
                logged.put(Long.parseLong(m.group(1)), m.group(2));
            }
        }
        long first = logged.keySet().stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
        for (Delivery d : deliveries.all()) {
            if (d.id() >= first && !d.sha256().equals(logged.get(d.id()))) {
                return Optional.of("delivery " + d.id() + " (" + d.fileName() + ", SHA-256 " + d.sha256() + ") has"
                        + " no ingest entry"
                        + (logged.containsKey(d.id())
                                ? " with its SHA-256 (the entry names " + logged.get(d.id()) + ")"
                                : "")
                        + ": it was stored without its ingest being logged");
            }
        }
        return Optional.empty();
    }

    static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

package de.integrationsmonitor.audit;

import de.integrationsmonitor.kernel.AuditTrail;
import de.integrationsmonitor.kernel.Sha256;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * One entry of the audit log: who (OS user, host) did what (action, subject, details with the hashes involved)
 * when, chained to the entry before by its SHA-256. {@link #sha256} is the SHA-256 of {@link #canonical}: every
 * field, the previous entry's hash included, so that an entry changed by hand, or one removed, breaks the chain.
 */
public record AuditEntry(
        long seq,
        Instant at,
        String osUser,
        String host,
        String action,
        String subject,
        String details,
        String prevSha256,
        String sha256) {

    /** The hash before the first entry. */
    public static final String GENESIS = "0".repeat(64);

    public static final String INGEST = AuditTrail.INGEST;
    public static final String COMPUTE = AuditTrail.COMPUTE;
    public static final String RENDER = AuditTrail.RENDER;
    public static final String RERUN = AuditTrail.RERUN;
    public static final String VERIFY = AuditTrail.VERIFY;

    /** A new entry after the one with hash {@code prevSha256}, its own hash computed. */
    public static AuditEntry next(
            long seq,
            Instant at,
            String osUser,
            String host,
            String action,
            String subject,
            String details,
            String prevSha256) {
        Instant second = at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return new AuditEntry(
                seq,
                second,
                osUser,
                host,
                action,
                subject,
                details,
                prevSha256,
                Sha256.of(canonical(seq, second, osUser, host, action, subject, details, prevSha256)));
    }

    /** The text the hash is taken over: one field a line, in a fixed order. */
    public static String canonical(
            long seq,
            Instant at,
            String osUser,
            String host,
            String action,
            String subject,
            String details,
            String prevSha256) {
        return "seq " + seq + "\nat " + DateTimeFormatter.ISO_INSTANT.format(at) + "\nuser " + osUser + "\nhost "
                + host + "\naction " + action + "\nsubject " + subject + "\ndetails " + details + "\nprev "
                + prevSha256 + "\n";
    }

    /** The hash this entry's fields give now: differs from {@link #sha256} when a field was changed. */
    public String recomputed() {
        return Sha256.of(canonical(seq, at, osUser, host, action, subject, details, prevSha256));
    }
}

package de.integrationsmonitor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.observation.Delivery;
import de.integrationsmonitor.testing.Imon.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;
import org.junit.jupiter.api.Test;

/**
 * A disk that fills up while a file is stored: the operator reads one line naming the file system and what storing
 * needed, no stack trace; and every delivery that was committed has its entry in the audit log, so a delivery
 * without one is something {@code audit log --verify} finds. The full disk is the store failing with the
 * operating system's "No space left on device" (a trigger of the embedded database throws it while observations are
 * written), as H2 and PostgreSQL report it; no file system has to be mounted.
 */
class FullDiskIngestTest extends IngestInAHomeOfItsOwn {

    /** What the embedded database says when the operating system refuses to write: ENOSPC. */
    public static class NoSpaceLeft implements Trigger {
        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            throw new SQLException(
                    "IO Exception: \"java.io.IOException: No space left on device\"",
                    new IOException("No space left on device"));
        }
    }

    /** The audit log refusing the ingest's entry (a full disk could refuse just that write). */
    public static class NoIngestEntry implements Trigger {
        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            if ("ingest".equals(newRow[4])) {
                throw new SQLException("the audit log cannot be written");
            }
        }
    }

    @Test
    void aFullDiskWhileStoringSaysSoInOneLineNamingTheFileSystemAndWhatWasNeeded() throws IOException {
        Path before = goodFile("12411-03-03-4-before.csv");
        assertThat(imon("ingest", before.toString()).exit()).isZero();
        Path big = goodFile("12411-03-03-4-disk-full.csv");
        jdbc.execute("CREATE TRIGGER disk_full BEFORE INSERT ON observation FOR EACH ROW CALL \""
                + NoSpaceLeft.class.getName() + "\"");
        Run run;
        try {
            run = imon("ingest", big.toString());
        } finally {
            jdbc.execute("DROP TRIGGER disk_full");
        }

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.out().lines().filter(l -> l.startsWith("REFUSED ")).toList())
                .singleElement()
                .asString()
                .startsWith("REFUSED 12411-03-03-4-disk-full.csv, line ")
                .contains(
                        ": the file system of " + home.resolve("data") + " (",
                        " is full (No space left on" + " device): storing this file (" + Files.size(big)
                                + " bytes) needs about ",
                        " more in the embedded database (5 times its data), ",
                        " free there now; nothing of this"
                                + " file was stored; free space and run the same command again");
        assertThat(run.err()).as("no stack trace").doesNotContain("\tat ", "Caused by", "imon: null");
        assertThat(deliveries.all())
                .extracting(Delivery::fileName)
                .contains("12411-03-03-4-before.csv")
                .doesNotContain("12411-03-03-4-disk-full.csv");
        assertThat(imon("audit", "log", "--verify").exit()).isZero();

        // the same command again, with space: the file goes in
        Run again = imon("ingest", big.toString());
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
    }

    @Test
    void aDeliveryIsCommittedOnlyWithItsAuditEntry() throws IOException {
        Path file = goodFile("12411-03-03-4-audit-entry-fails.csv");
        jdbc.execute("CREATE TRIGGER no_ingest_entry BEFORE INSERT ON audit_log FOR EACH ROW CALL \""
                + NoIngestEntry.class.getName() + "\"");
        Run run;
        try {
            run = imon("ingest", file.toString());
        } finally {
            jdbc.execute("DROP TRIGGER no_ingest_entry");
        }

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.out())
                .contains("REFUSED 12411-03-03-4-audit-entry-fails.csv", "nothing of this file was" + " stored");
        assertThat(run.err()).as("no stack trace").doesNotContain("\tat ");
        assertThat(deliveries.all())
                .extracting(Delivery::fileName)
                .doesNotContain("12411-03-03-4-audit-entry-fails.csv");
        assertThat(imon("audit", "log", "--verify").exit()).isZero();
    }

    @Test
    void aDeliveryWithoutItsAuditEntryIsFoundByVerify() throws IOException {
        assertThat(imon("ingest", goodFile("12411-03-03-4-logged.csv").toString())
                        .exit())
                .isZero();
        // a delivery committed without its entry, as one was when the entry was written after the commit
        jdbc.update(
                "INSERT INTO delivery (file_name, sha256, table_code, format, encoding, ingested_at, rows_read,"
                        + " rows_stored, rows_rejected, rows_skipped) VALUES ('12411-03-03-4-unlogged.csv', ?, '12411-03-03-4',"
                        + " 'classic', 'UTF-8', CURRENT_TIMESTAMP, 0, 0, 0, 0)",
                "ab".repeat(32));
        long id = jdbc.queryForObject(
                "SELECT id FROM delivery WHERE file_name = '12411-03-03-4-unlogged.csv'", Long.class);
        try {
            Run verify = imon("audit", "log", "--verify");

            assertThat(verify.exit()).as(verify.out() + verify.err()).isEqualTo(4);
            assertThat(verify.out())
                    .contains("audit log broken: delivery " + id + " (12411-03-03-4-unlogged.csv," + " SHA-256 "
                            + "ab".repeat(32) + ") has no ingest entry");
        } finally {
            jdbc.update("DELETE FROM delivery WHERE id = ?", id);
        }
    }
}

package de.integrationsmonitor.ingest.space;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A full disk under the store, said for people: which file system, how much storing the file needed, how much is
 * free. The database reports it in its own words somewhere down a chain of exceptions (H2: an IOException "No space
 * left on device" inside its own exception; PostgreSQL: the server's message, which says the same).
 */
public final class StoreSpace {

    /**
     * What a delivery takes in the embedded database per byte of its CSV: measured on the real extract
     * 12411-03-03-4 (1.2 MB CSV, 82,566 observations), the database grew by 6.1 MB.
     */
    static final int BYTES_PER_CSV_BYTE = 5;

    private StoreSpace() {}

    /** Whether the failure is a full disk (or a quota reached), anywhere in its chain of causes. */
    public static boolean diskFull(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            // PostgreSQL's disk_full (SQL state 53100) quotes the same words: "could not extend file …: No space
            // left on device"; the SQL state itself is the store's to read (JDBC only in store/)
            if (message.contains("no space left on device") || message.contains("disk quota exceeded")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The line for a file that could not be stored because the disk is full.
     *
     * @param home IMON_HOME: the embedded database lies in its {@code data/}; without a database file there the
     *             store is a PostgreSQL server, whose disk this process cannot see
     * @param file the file being stored
     */
    public static String describe(Path home, Path file) {
        long size = sizeOf(file);
        long needed = needed(file, size);
        Path data = home.resolve("data");
        if (Files.isRegularFile(data.resolve("imon.mv.db"))) {
            String where = data.toString();
            String free = "";
            try {
                FileStore store = Files.getFileStore(data);
                where = data + " (" + store.name() + ", " + store.type() + ")";
                free = ", " + mib(store.getUsableSpace()) + " free there now";
            } catch (IOException e) {
                // the folder's file system cannot be named: the path says where
            }
            return "the file system of " + where + " is full (No space left on device): storing this file (" + size
                    + " bytes) needs about " + mib(needed) + " more in the embedded database (" + BYTES_PER_CSV_BYTE
                    + " times its data)" + free + "; nothing of this file was stored; free space and run the same"
                    + " command again";
        }
        return "the database server's file system is full (No space left on device): storing this file (" + size
                + " bytes) needs about " + mib(needed) + " more there (" + BYTES_PER_CSV_BYTE + " times its data);"
                + " nothing of this file was stored; free space on the server and run the same command again";
    }

    /** What storing the file needs, roughly: its data (a ZIP's inflated entries) times what a byte of CSV takes. */
    static long needed(Path file, long size) {
        long data = size;
        if (file.getFileName() != null
                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            try (ZipFile zip = new ZipFile(file.toFile())) {
                long inflated = 0;
                for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                    inflated += Math.max(0, e.nextElement().getSize());
                }
                data = Math.max(size, inflated);
            } catch (IOException e) {
                // not readable as a ZIP: its own size is the estimate
            }
        }
        return data * BYTES_PER_CSV_BYTE;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}

package de.integrationsmonitor.store;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The embedded H2 database can be open in one process at a time. The process that has it open says so in
 * {@code IMON_HOME/data/imon.holder} (host, pid, command, since), so that a second start (a nightly run while another
 * runs) can name the holder and exit 75 instead of failing with H2's "Database may be already in use".
 */
public final class EmbeddedDatabaseHolder {

    static final String FILE = "imon.holder";

    private EmbeddedDatabaseHolder() {}

    /** Records this process as the holder of the embedded database under {@code home}. */
    public static void record(Path home, String command) {
        Path file = home.resolve("data").resolve(FILE);
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown-host";
        }
        String text =
                "host " + host + ", pid " + ManagementFactory.getRuntimeMXBean().getPid() + ", " + command + ", since "
                        + LocalDateTime.now().withNano(0).toString().replace('T', ' ');
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // a home that cannot be written fails the command soon enough, with its own message
        }
    }

    /** Who holds the embedded database under {@code home}, as the holder recorded it. */
    public static Optional<String> holder(Path home) {
        try {
            return Optional.of(Files.readString(home.resolve("data").resolve(FILE), StandardCharsets.UTF_8)
                    .strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether a start-up failure is H2 refusing a database that another process has open. */
    public static boolean isAlreadyInUse(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getErrorCode() == 90020) {
                return true;
            }
            if (String.valueOf(t.getMessage()).contains("Database may be already in use")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}

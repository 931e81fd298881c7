package de.integrationsmonitor.store;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Named locks that hold across processes sharing a database: on PostgreSQL a session-level advisory lock on a
 * connection held for the lock's lifetime (released explicitly, and by the server when the holder's connection ends,
 * also after kill -9 or a power loss), beside a row in {@code run_lock} that names the holder (host, pid, command, since) for the message a second
 * start prints. The embedded H2 database is opened by one process at a time, so there a lock is held within the
 * process only.
 */
@Repository
public class RunLocks {

    /** Who holds a lock. */
    public record Holder(String host, long pid, String command, LocalDateTime since) {

        public String describe() {
            return "host " + host + ", pid " + pid + ", " + command + ", since "
                    + since.withNano(0).toString().replace('T', ' ');
        }
    }

    /** A lock held; closing it releases it. */
    public interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    private static final String KEY_PREFIX = "imon:";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Map<String, ReentrantLock> local = new ConcurrentHashMap<>();
    private volatile Boolean postgres;

    public RunLocks(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Takes the lock if it is free, for the given command; empty when another process or thread holds it. */
    public Optional<Lease> tryLock(String name, String command) {
        return lock(name, command, false);
    }

    /** Takes the lock, waiting while another process or thread holds it. */
    public Lease lock(String name, String command) {
        return lock(name, command, true).orElseThrow();
    }

    /** Who holds the lock, as its holder recorded it; empty when unknown. */
    public Optional<Holder> holder(String name) {
        return jdbc
                .query(
                        "SELECT host, pid, command, since FROM run_lock WHERE name = ?",
                        (rs, row) -> new Holder(
                                rs.getString("host"),
                                rs.getLong("pid"),
                                rs.getString("command"),
                                rs.getTimestamp("since").toLocalDateTime()),
                        name)
                .stream()
                .findFirst();
    }

    /** This process as a holder: host name, pid and the time now. */
    public static Holder self(String command) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return new Holder(host, ManagementFactory.getRuntimeMXBean().getPid(), command, LocalDateTime.now());
    }

    private Optional<Lease> lock(String name, String command, boolean wait) {
        ReentrantLock inProcess = local.computeIfAbsent(name, n -> new ReentrantLock());
        if (wait) {
            inProcess.lock();
        } else if (!inProcess.tryLock()) {
            return Optional.empty();
        }
        try {
            // on H2 there is no session of its own: the process is the only one with the database open
            Connection session = isPostgres() ? advisoryLock(name, wait) : null;
            if (isPostgres() && session == null) {
                inProcess.unlock();
                return Optional.empty();
            }
            record(name, self(command));
            return Optional.of(() -> {
                try {
                    if (session != null) {
                        // the connection goes back to the pool, its session lives on: unlock explicitly
                        try (PreparedStatement unlock =
                                session.prepareStatement("SELECT pg_advisory_unlock(hashtextextended(?, 0))")) {
                            unlock.setString(1, KEY_PREFIX + name);
                            unlock.execute();
                        }
                        session.close();
                    }
                } catch (SQLException e) {
                    // a connection that cannot be closed is gone, and its locks with it
                } finally {
                    inProcess.unlock();
                }
            });
        } catch (RuntimeException e) {
            inProcess.unlock();
            throw e;
        }
    }

    /** A connection holding the advisory lock, or null when another session holds it. */
    private Connection advisoryLock(String name, boolean wait) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement statement = connection.prepareStatement(
                    wait
                            ? "SELECT pg_advisory_lock(hashtextextended(?, 0)), true"
                            : "SELECT pg_try_advisory_lock(hashtextextended(?, 0))")) {
                statement.setString(1, KEY_PREFIX + name);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(wait ? 2 : 1)) {
                        return connection;
                    }
                }
            }
            connection.close();
            return null;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new DataAccessResourceFailureException("cannot take the lock '" + name + "': " + e.getMessage(), e);
        }
    }

    private void record(String name, Holder holder) {
        Object[] values = {holder.host(), holder.pid(), holder.command(), Timestamp.valueOf(holder.since()), name};
        if (jdbc.update("UPDATE run_lock SET host = ?, pid = ?, command = ?, since = ? WHERE name = ?", values) == 0) {
            try {
                jdbc.update("INSERT INTO run_lock (host, pid, command, since, name) VALUES (?, ?, ?, ?, ?)", values);
            } catch (org.springframework.dao.DuplicateKeyException e) {
                jdbc.update("UPDATE run_lock SET host = ?, pid = ?, command = ?, since = ? WHERE name = ?", values);
            }
        }
    }

    private boolean isPostgres() {
        if (postgres == null) {
            try (Connection connection = dataSource.getConnection()) {
                postgres = StoreDatabase.isPostgres(connection);
            } catch (SQLException e) {
                throw new DataAccessResourceFailureException("cannot reach the database: " + e.getMessage(), e);
            }
        }
        return postgres;
    }

    /** Whether the store is a database that several processes share (PostgreSQL), not the embedded H2. */
    public boolean shared() {
        return isPostgres();
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already gone
            }
        }
    }
}

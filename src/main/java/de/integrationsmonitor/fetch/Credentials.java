package de.integrationsmonitor.fetch;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * The account at one of the offices' databases: a user name and password, or an API token (sent as the user name
 * with an empty password). They travel only in the {@code username} and {@code password} request headers;
 * {@link #toString()} never shows them.
 */
public final class Credentials {

    static final String USER = "IMON_GENESIS_USER";
    static final String PASSWORD = "IMON_GENESIS_PASSWORD";
    static final String TOKEN = "IMON_GENESIS_TOKEN";
    static final String FILE = "IMON_GENESIS_CREDENTIALS";
    private static final Set<PosixFilePermission> OPEN_TO_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE);

    private final String username;
    private final String password;

    private Credentials(String username, String password) {
        this.username = username;
        this.password = password;
    }

    public static Credentials of(String username, String password) {
        return new Credentials(username, password);
    }

    public static Credentials token(String token) {
        return new Credentials(token, "");
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }

    @Override
    public String toString() {
        return "Credentials[********]";
    }

    /** Whether any credentials are configured: in the environment (for any database) or as a credentials file. */
    public static boolean configured(Function<String, String> env) {
        return configured(env, List.of());
    }

    /** Whether any credentials are configured, counting those of the configured databases given. */
    public static boolean configured(Function<String, String> env, List<Database> configured) {
        if (set(env, FILE)) {
            return true;
        }
        List<String> suffixes = suffixes();
        configured.stream().map(d -> "_" + d.variableSuffix()).forEach(suffixes::add);
        for (String suffix : suffixes) {
            if (set(env, TOKEN + suffix) || set(env, USER + suffix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The credentials for a database: {@code IMON_GENESIS_TOKEN_<DATABASE>} or {@code IMON_GENESIS_USER_<DATABASE>}
     * with {@code IMON_GENESIS_PASSWORD_<DATABASE>}, then the same without suffix, then the credentials file named by
     * {@code IMON_GENESIS_CREDENTIALS} (keys {@code <database>.token}, {@code <database>.user},
     * {@code <database>.password}, then {@code token}, {@code user}, {@code password}).
     *
     * @throws FetchConfigurationException when they are set half, twice, or in a file others can read
     */
    public static Optional<Credentials> resolve(Database database, Function<String, String> env) {
        String suffix = "_" + database.variableSuffix();
        Optional<Credentials> found = pair(env, TOKEN + suffix, USER + suffix, PASSWORD + suffix, "");
        if (found.isEmpty()) {
            found = pair(env, TOKEN, USER, PASSWORD, "");
        }
        if (found.isEmpty() && set(env, FILE)) {
            Path file = Path.of(env.apply(FILE));
            Properties properties = readFile(file);
            Function<String, String> keys = properties::getProperty;
            String where = " in " + file;
            found = pair(keys, database.id() + ".token", database.id() + ".user", database.id() + ".password", where);
            if (found.isEmpty()) {
                found = pair(keys, "token", "user", "password", where);
            }
        }
        return found;
    }

    private static Optional<Credentials> pair(
            Function<String, String> values, String token, String user, String password, String where) {
        boolean hasToken = set(values, token);
        boolean hasUser = set(values, user);
        if (hasToken && (hasUser || set(values, password))) {
            throw new FetchConfigurationException(token + where + " and " + user + "/" + password + " are both set;"
                    + " set either the token or the user name with its password");
        }
        if (hasToken) {
            return Optional.of(token(values.apply(token).strip()));
        }
        if (hasUser != set(values, password)) {
            throw new FetchConfigurationException((hasUser
                            ? user + " is set but " + password + " is not"
                            : password + " is set but " + user + " is not")
                    + where + "; set both, or " + token + " alone");
        }
        return hasUser ? Optional.of(of(values.apply(user).strip(), values.apply(password))) : Optional.empty();
    }

    private static Properties readFile(Path file) {
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix != null) {
                Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
                if (permissions.stream().anyMatch(OPEN_TO_OTHERS::contains)) {
                    throw new FetchConfigurationException("the credentials file " + file + " can be read or written"
                            + " by others (" + PosixFilePermissions.toString(permissions) + "); it was not used."
                            + " Make it private: chmod 600 " + file);
                }
            }
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return properties;
        } catch (NoSuchFileException e) {
            throw new FetchConfigurationException(FILE + " names " + file + ", which does not exist");
        } catch (IOException e) {
            throw new FetchConfigurationException("cannot read the credentials file " + file + ": "
                    + e.getClass().getSimpleName());
        }
    }

    private static boolean set(Function<String, String> values, String name) {
        String value = values.apply(name);
        return value != null && !value.isBlank();
    }

    /** The variable suffixes: none (every database) and one per database. */
    private static List<String> suffixes() {
        List<String> suffixes = new ArrayList<>(List.of(""));
        Arrays.stream(Database.values()).map(d -> "_" + d.variableSuffix()).forEach(suffixes::add);
        return suffixes;
    }
}

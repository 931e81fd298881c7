package de.integrationsmonitor;

import de.integrationsmonitor.cli.ExitCodes;
import de.integrationsmonitor.cli.ImonCommand;
import de.integrationsmonitor.kernel.AppVersion;
import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.region.RegisterException;
import de.integrationsmonitor.store.EmbeddedDatabaseHolder;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import picocli.CommandLine;

/** Entry point of {@code bin/imon}: starts the Spring context and hands the arguments to the command line. */
@SpringBootApplication
public class Integrationsmonitor {

    private static final Pattern HOST_AND_PORT = Pattern.compile("//\\[?([^/:?\\]]+)\\]?(?::(\\d+))?");

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // what was built needs no database, no IMON_HOME and no Spring context
            for (String line : AppVersion.versionLines()) {
                System.out.println(line);
            }
            return;
        }
        SpringApplication application = new SpringApplication(Integrationsmonitor.class);
        // the arguments are picocli's to parse, not Spring properties
        application.setAddCommandLineProperties(false);
        if ("json".equalsIgnoreCase(System.getenv("IMON_LOG_FORMAT"))) {
            application.setAdditionalProfiles("json-logs");
        }
        if (System.getenv("IMON_DEBUG") != null) {
            System.setProperty("logging.level.org.springframework.batch", "INFO");
            System.setProperty("logging.level.org.springframework.transaction", "ERROR");
        }
        AtomicReference<Environment> environment = new AtomicReference<>();
        application.addListeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) event -> {
            environment.set(event.getEnvironment());
            writable(event.getEnvironment().getProperty("imon.home"));
        });
        ConfigurableApplicationContext context;
        try {
            context = application.run(args);
        } catch (RuntimeException | LinkageError e) {
            System.exit(reportStartupFailure(
                    e,
                    Optional.ofNullable(environment.get())
                            .map(env -> env.getProperty("spring.datasource.url", ""))
                            .orElse(""),
                    System.err));
            return;
        }
        if (context.getEnvironment().getProperty("spring.datasource.url", "").startsWith("jdbc:h2:file:")) {
            EmbeddedDatabaseHolder.record(
                    context.getBean(ImonSettings.class).home(),
                    "imon " + String.join(" ", java.util.Arrays.asList(args).subList(0, Math.min(1, args.length))));
        }
        int exitCode;
        try (context) {
            CommandLine.IFactory factory = context.getBean(CommandLine.IFactory.class);
            exitCode = ImonCommand.commandLine(factory).execute(args);
        }
        System.exit(exitCode);
    }

    /**
     * Says in one line why the application could not start and picks the exit code: 75 when another process has the
     * embedded database open (naming it), 2 when the Kreis register in jobs/register is wrong (the user can fix it;
     * the message names file and line), 1 otherwise (the database cannot be reached, naming host and port; a home
     * that cannot be written; a schema of another version).
     */
    static int reportStartupFailure(Throwable e, String databaseUrl, PrintStream err) {
        Path home = Path.of(System.getProperty("imon.home", "."));
        if (EmbeddedDatabaseHolder.isAlreadyInUse(e)) {
            err.println("imon: another imon process has the embedded database "
                    + home.resolve("data").resolve("imon.mv.db") + " open ("
                    + EmbeddedDatabaseHolder.holder(home).orElse("holder" + " unknown")
                    + "); try again when it has finished");
            return ExitCodes.LOCKED;
        }
        Optional<RegisterException> register = register(e);
        if (register.isPresent()) {
            err.println("imon: " + register.get().getMessage());
            return ExitCodes.REFUSED;
        }
        err.println("imon: cannot start: " + startupFailure(e, databaseUrl)
                + (System.getenv("IMON_DEBUG") == null ? " (IMON_DEBUG=1 shows the stack trace)" : ""));
        if (System.getenv("IMON_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return ExitCodes.FAILURE;
    }

    /** The Kreis register's refusal among the causes of a start-up failure, if it is one. */
    static Optional<RegisterException> register(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof RegisterException register) {
                return Optional.of(register);
            }
        }
        return Optional.empty();
    }

    /**
     * IMON_HOME holds the embedded database (and the swap of reports) in data/: one that cannot be written is said so before the
     * database tries (whose driver would print its own stack trace).
     */
    static void writable(String home) {
        if (home == null || home.isBlank()) {
            return;
        }
        Path folder = Path.of(home);
        try {
            Path data = Files.createDirectories(folder.resolve("data"));
            Files.delete(Files.createTempFile(data, ".imon-writable-", ""));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "IMON_HOME " + folder + " cannot be written ("
                            + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + "); it holds the embedded database and output/, so give"
                            + " a folder you may write to",
                    e);
        }
    }

    /**
     * A start-up failure in one line: the database that cannot be reached with its host and port, otherwise the
     * innermost cause (a read-only IMON_HOME, a database in use, a schema of another version), first line only.
     */
    static String startupFailure(Throwable e, String databaseUrl) {
        Throwable root = e;
        Optional<Throwable> unreachable = Optional.empty();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                unreachable = Optional.of(t);
            }
            if (t.getMessage() != null && t.getMessage().startsWith("IMON_HOME ")) {
                return firstLine(t); // said for people already; its cause is in it
            }
            root = t;
        }
        if (unreachable.isPresent()) {
            Matcher m = HOST_AND_PORT.matcher(databaseUrl);
            String where = m.find() ? m.group(1) + ":" + (m.group(2) != null ? m.group(2) : "5432") : databaseUrl;
            String why = unreachable.get() instanceof UnknownHostException
                    ? "unknown host " + firstLine(unreachable.get())
                    : firstLine(unreachable.get());
            return "the database at " + where + " cannot be reached (" + why + ");"
                    + " is it running, and are IMON_DB_URL / IMON_PROFILE right?";
        }
        return firstLine(root);
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage() == null
                ? t.getClass().getSimpleName()
                : t.getMessage().strip();
        String first = message.lines().findFirst().orElse("");
        return first.length() <= 400 ? first : first.substring(0, 399) + "…";
    }
}

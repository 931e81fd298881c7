package de.integrationsmonitor;

import de.integrationsmonitor.cli.ExitCodes;
import de.integrationsmonitor.cli.ImonCommand;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/** Entry point of {@code bin/imon}: starts the Spring context and hands the arguments to the command line. */
@SpringBootApplication
public class Integrationsmonitor {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(Integrationsmonitor.class);
        // the arguments are picocli's to parse, not Spring properties
        application.setAddCommandLineProperties(false);
        if ("json".equalsIgnoreCase(System.getenv("IMON_LOG_FORMAT"))) {
            application.setAdditionalProfiles("json-logs");
        }
        if (System.getenv("IMON_DEBUG") != null) {
            System.setProperty("logging.level.org.springframework.batch", "INFO");
        }
        ConfigurableApplicationContext context;
        try {
            context = application.run(args);
        } catch (RuntimeException e) {
            Path home = Path.of(System.getProperty("imon.home", "."));
            if (EmbeddedDatabaseHolder.isAlreadyInUse(e)) {
                System.err.println("imon: another imon process has the embedded database " + home.resolve("data")
                        .resolve("imon.mv.db") + " open (" + EmbeddedDatabaseHolder.holder(home).orElse("holder"
                        + " unknown") + "); try again when it has finished");
                System.exit(ExitCodes.LOCKED);
                return;
            }
            // the database cannot be reached, or its schema is not this version's: say so in one line
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            System.err.println("imon: cannot start: " + String.valueOf(root.getMessage()).replace('\n', ' ')
                    + (System.getenv("IMON_DEBUG") == null ? " (IMON_DEBUG=1 shows the stack trace)" : ""));
            if (System.getenv("IMON_DEBUG") != null) {
                e.printStackTrace();
            }
            System.exit(ExitCodes.FAILURE);
            return;
        }
        if (context.getEnvironment().getProperty("spring.datasource.url", "").startsWith("jdbc:h2:file:")) {
            EmbeddedDatabaseHolder.record(context.getBean(ImonSettings.class).home(),
                    "imon " + String.join(" ", java.util.Arrays.asList(args).subList(0, Math.min(1, args.length))));
        }
        int exitCode;
        try (context) {
            CommandLine.IFactory factory = context.getBean(CommandLine.IFactory.class);
            exitCode = ImonCommand.commandLine(factory).execute(args);
        }
        System.exit(exitCode);
    }
}

package de.integrationsmonitor;

import de.integrationsmonitor.cli.ExitCodes;
import de.integrationsmonitor.cli.ImonCommand;
import de.integrationsmonitor.region.RegisterException;
import java.io.PrintStream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/** Entry point of {@code bin/imon}: starts the Spring context and hands the arguments to the command line. */
@SpringBootApplication
public class Integrationsmonitor {

    /**
     * Says in one line why the application could not start, and picks the exit code: 2 when the Kreis register in
     * jobs/register is wrong (the user can fix it; the message names file and line), 1 otherwise (the database
     * cannot be reached, or its schema is not this version's).
     */
    static int startupFailure(RuntimeException e, PrintStream err) {
        Throwable root = e;
        while (root.getCause() != null && !(root instanceof RegisterException)) {
            root = root.getCause();
        }
        if (root instanceof RegisterException) {
            err.println("imon: " + root.getMessage());
            return ExitCodes.REFUSED;
        }
        err.println("imon: cannot start: " + String.valueOf(root.getMessage()).replace('\n', ' ')
                + (System.getenv("IMON_DEBUG") == null ? " (IMON_DEBUG=1 shows the stack trace)" : ""));
        if (System.getenv("IMON_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return ExitCodes.FAILURE;
    }

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(Integrationsmonitor.class);
        // the arguments are picocli's to parse, not Spring properties
        application.setAddCommandLineProperties(false);
        ConfigurableApplicationContext context;
        try {
            context = application.run(args);
        } catch (RuntimeException e) {
            System.exit(startupFailure(e, System.err));
            return;
        }
        int exitCode;
        try (context) {
            CommandLine.IFactory factory = context.getBean(CommandLine.IFactory.class);
            exitCode = ImonCommand.commandLine(factory).execute(args);
        }
        System.exit(exitCode);
    }
}

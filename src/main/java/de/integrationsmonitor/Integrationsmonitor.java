package de.integrationsmonitor;

import de.integrationsmonitor.cli.ImonCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/** Entry point of {@code bin/imon}: starts the Spring context and hands the arguments to the command line. */
@SpringBootApplication
public class Integrationsmonitor {

    public static void main(String[] args) {
        int exitCode;
        SpringApplication application = new SpringApplication(Integrationsmonitor.class);
        // the arguments are picocli's to parse, not Spring properties
        application.setAddCommandLineProperties(false);
        try (ConfigurableApplicationContext context = application.run(args)) {
            CommandLine.IFactory factory = context.getBean(CommandLine.IFactory.class);
            exitCode = new CommandLine(ImonCommand.class, factory)
                    .setExecutionExceptionHandler(ImonCommand::reportFailure)
                    .execute(args);
        }
        System.exit(exitCode);
    }
}

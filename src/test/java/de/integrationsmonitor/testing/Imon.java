package de.integrationsmonitor.testing;

import de.integrationsmonitor.cli.ImonCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs {@code imon ARGS} as {@code bin/imon} does, in a test's Spring context, capturing what it prints. */
public final class Imon {

    /** Exit code, standard output and standard error of one command. */
    public record Run(int exit, String out, String err) {}

    private Imon() {}

    public static Run run(CommandLine.IFactory factory, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
        try {
            CommandLine commandLine = ImonCommand.commandLine(factory);
            commandLine.setErr(new PrintWriter(System.err, true));
            int exit = commandLine.execute(args);
            return new Run(
                    exit, capturedOut.toString(StandardCharsets.UTF_8), capturedErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}

package de.integrationsmonitor.cli;

/** The documented exit codes of {@code bin/imon} (see the README, "Exit codes"). */
public final class ExitCodes {

    /** Everything asked for was done. */
    public static final int OK = 0;
    /** An unexpected failure (database not reachable, a bug); the message says what happened. */
    public static final int FAILURE = 1;
    /** Input was refused: a file that is not a readable extract, a wrong edition or catalogue file. */
    public static final int REFUSED = 2;
    /** Some reports could not be rendered; the others were written. */
    public static final int REPORTS_FAILED = 3;
    /** A verification failed: a PDF modified or unknown, a re-render that differs, an audit log broken. */
    public static final int VERIFICATION_FAILED = 4;
    /** Another run holds the lock (the nightly run of this database, or a run writing the same output): EX_TEMPFAIL. */
    public static final int LOCKED = 75;
    /** The command line itself was wrong (unknown command or option). */
    public static final int USAGE = 64;

    private ExitCodes() {}
}

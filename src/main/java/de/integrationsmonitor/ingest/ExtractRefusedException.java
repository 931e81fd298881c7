package de.integrationsmonitor.ingest;

/**
 * A file that cannot be read as a whole. The message names the file, the line and what was expected; nothing of
 * a refused file is stored.
 */
public class ExtractRefusedException extends RuntimeException {

    private final String fileName;
    private final long line;
    private final String problem;

    public ExtractRefusedException(String fileName, long line, String problem) {
        super(fileName + (line > 0 ? ", line " + line : "") + ": " + problem);
        this.fileName = fileName;
        this.line = line;
        this.problem = problem;
    }

    public String fileName() {
        return fileName;
    }

    /** The 1-based line where reading failed, or 0 when the problem concerns the file as a whole. */
    public long line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}

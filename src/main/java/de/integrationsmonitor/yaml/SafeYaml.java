package de.integrationsmonitor.yaml;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.DuplicateKeyException;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * How every declarative file users edit (catalogue, rules, editions, {@code quellen.yml}) is read: plain data only (no types, no
 * code), no key given twice, few aliases, no recursive keys, bounded nesting and size, so that a file of aliases expanding to
 * gigabytes ("billion laughs") is refused at once; and messages that quote at most a short excerpt of it.
 */
public final class SafeYaml {

    /** The declarative files of the product use no aliases at all; a few are allowed for those who like them. */
    static final int MAX_ALIASES = 20;

    static final int MAX_NESTING = 50;
    /** Characters of a declarative file; the indicator catalogue, the largest, has some 30,000. */
    static final int MAX_CHARACTERS = 4 * 1024 * 1024;
    /** Characters of a file's content a message may quote. */
    static final int EXCERPT = 120;

    private static final String DUPLICATE = "found duplicate key";

    private SafeYaml() {}

    /** The file's content as maps, lists and scalars; throws with a short message when it is no such YAML. */
    public static Object load(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CHARACTERS);
        // a second `formula:` would silently replace the first and change a published figure
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options)).load(text);
    }

    /**
     * The file's node tree with the line of every node, for files whose messages name the line of a wrong field;
     * the same limits as {@link #load}.
     */
    public static org.yaml.snakeyaml.nodes.Node compose(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CHARACTERS);
        return new Yaml(new SafeConstructor(options)).compose(new java.io.StringReader(text));
    }

    /** What went wrong in {@link #load}, in one line of at most a few hundred characters. */
    public static String problem(RuntimeException e) {
        if (e instanceof DuplicateKeyException duplicate && duplicate.getProblemMark() != null) {
            String problem = String.valueOf(duplicate.getProblem());
            String key = problem.startsWith(DUPLICATE)
                    ? problem.substring(DUPLICATE.length()).strip()
                    : problem;
            String mapping = duplicate.getContextMark() == null
                    ? ""
                    : " (the mapping that starts in line "
                            + (duplicate.getContextMark().getLine() + 1) + ")";
            return "duplicate key '" + excerpt(key) + "' in line "
                    + (duplicate.getProblemMark().getLine() + 1) + mapping
                    + "; a key may be given once only, a second value would silently replace the first";
        }
        String message = String.valueOf(e.getMessage()).strip();
        String first = message.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .findFirst()
                .orElse(message);
        if (message.contains("Number of aliases")) {
            first = "more than " + MAX_ALIASES + " aliases (*name); the file looks like an alias bomb";
        }
        return excerpt(first, 300) + mark(message);
    }

    /** A value of the file as a message may quote it: at most {@value #EXCERPT} characters, on one line. */
    public static String excerpt(Object value) {
        return excerpt(String.valueOf(value), EXCERPT);
    }

    private static String excerpt(String text, int max) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    /** Where SnakeYAML found the problem ("line 3, column 7"), if it says. */
    private static String mark(String message) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("line (\\d+), column (\\d+)").matcher(message);
        return m.find() ? " (line " + m.group(1) + ", column " + m.group(2) + ")" : "";
    }
}

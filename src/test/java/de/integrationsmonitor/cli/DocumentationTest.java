package de.integrationsmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objenesis.Objenesis;
import org.objenesis.ObjenesisStd;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the documentation promises a reader exists: every {@code bin/imon} command and option named in the README or
 * in {@code docs/} is one of the command line (read from picocli's model of {@code ImonCommand}, no Spring context),
 * and every link of the README and of {@code docs/} to a file of the project, or to a heading, resolves.
 */
class DocumentationTest {

    private static final Pattern INVOCATION = Pattern.compile("bin/imon((?: +[^`\\n|]+)*)");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    private static final Objenesis OBJENESIS = new ObjenesisStd();

    /** The picocli model of the command line, its commands created without their services. */
    private static final CommandSpec IMON = new CommandLine(ImonCommand.class, new CommandLine.IFactory() {
                @Override
                public <K> K create(Class<K> type) throws Exception {
                    return type.isInterface() ? CommandLine.defaultFactory().create(type) : OBJENESIS.newInstance(type);
                }
            })
            .getCommandSpec();

    @Test
    void everyCommandAndOptionNamedInTheDocumentationExists() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path page : pages()) {
            for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
                Matcher m = INVOCATION.matcher(line);
                while (m.find()) {
                    check(page, m.group(1), wrong);
                }
            }
        }
        assertThat(wrong)
                .as("commands and options the documentation names but bin/imon does not have")
                .isEmpty();
    }

    @Test
    void theReadmeAndTheDocumentationLinkOnlyToWhatExists() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            Matcher m = LINK.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("[a-z]+:.*")) {
                    continue; // a web address: not checked offline
                }
                int hash = target.indexOf('#');
                Path file = hash == 0
                        ? page
                        : page.resolveSibling(hash < 0 ? target : target.substring(0, hash))
                                .normalize();
                if (!Files.exists(file)) {
                    broken.add(page + ": " + target + " (no such file)");
                } else if (hash >= 0 && !anchors(file).contains(target.substring(hash + 1))) {
                    broken.add(page + ": " + target + " (no such heading in " + file + ")");
                }
            }
        }
        assertThat(broken).isEmpty();
        assertThat(Files.readAllLines(Path.of("README.md")))
                .as("the README keeps to a screen or two")
                .hasSizeLessThan(100);
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** One invocation: the words after {@code bin/imon} up to the end of the code span or table cell. */
    private static void check(Path page, String words, List<String> wrong) {
        CommandSpec command = IMON;
        boolean first = true;
        for (String word : words.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            String bare = word.replaceAll("^[\\[(]+|[\\])\\.,;:]+$", "");
            if (first || command.subcommands().containsKey(bare)) {
                if (!first || bare.matches("[a-z]+")) {
                    CommandLine sub = command.subcommands().get(bare);
                    if (sub == null) {
                        if (first && bare.matches("[a-z]+")) {
                            wrong.add(page + ": bin/imon " + bare + " (no such command)");
                        }
                        return;
                    }
                    command = sub.getCommandSpec();
                }
                first = false;
                continue;
            }
            for (String alternative : bare.split("\\|")) {
                String option = alternative.replaceAll("^[\\[(]+|[\\])]+$", "").replaceAll("=.*", "");
                if (option.startsWith("--") && command.findOption(option) == null) {
                    wrong.add(page + ": bin/imon " + command.qualifiedName(" ").replaceFirst("^imon ?", "") + " "
                            + option + " (no such option)");
                }
            }
        }
    }

    /** The anchors of a Markdown file's headings, as GitHub makes them. */
    private static Set<String> anchors(Path file) throws IOException {
        Set<String> anchors = new LinkedHashSet<>();
        boolean code = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("```")) {
                code = !code;
            }
            if (!code && line.matches("#{1,6} .*")) {
                anchors.add(line.replaceFirst("^#+ ", "")
                        .strip()
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N}_\\- ]", "")
                        .replace(' ', '-'));
            }
        }
        return anchors;
    }
}

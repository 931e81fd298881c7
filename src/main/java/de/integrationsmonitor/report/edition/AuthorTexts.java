package de.integrationsmonitor.report.edition;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.commonmark.node.BulletList;
import org.commonmark.node.Document;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The report authors' own words for an edition: Markdown files in the edition's texts folder.
 *
 * <ul>
 *   <li>{@value #INTRODUCTION} introduces the whole edition (paragraphs and lists);</li>
 *   <li>{@code <AGS>.md} belongs to one Kreis: the text before its first heading introduces the Kreis, and each
 *       {@code ## Heading} whose text is a Handlungsfeld of the edition starts the authors' assessment printed in
 *       that Handlungsfeld's chapter.</li>
 * </ul>
 * Paragraphs, emphasis ({@code *…*}, {@code **…**}), bullet and numbered lists and links are rendered (a link as its
 * text with the address in brackets, as print shows it); HTML comments are notes for the authors and are left out.
 * Anything else is refused with file and line, as is a heading that is not a Handlungsfeld of the edition. The files
 * are inputs of the report: their SHA-256 go into the inputs hash and the manifest.
 */
public final class AuthorTexts {

    static final String INTRODUCTION = "einleitung.md";
    /** Bytes of one text file: real ones have a few kilobytes; read whole, a text must fit any heap the reports do. */
    static final long MAX_BYTES = 256 * 1024;

    /** One printed block: a paragraph ({@code p}) or a list item ({@code li}) with its label, in styled markup. */
    public record Block(String kind, String label, String markup) {}

    /** The text of one Kreis: its introduction and the assessment per Handlungsfeld. */
    public record KreisText(List<Block> introduction, Map<String, List<Block>> assessments) {
        public KreisText {
            introduction = List.copyOf(introduction);
            assessments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(assessments));
        }

        static final KreisText NONE = new KreisText(List.of(), Map.of());
    }

    private final List<Block> introduction;
    private final Map<String, KreisText> kreise;
    private final Map<String, String> sha256;

    private AuthorTexts(List<Block> introduction, Map<String, KreisText> kreise, Map<String, String> sha256) {
        this.introduction = introduction;
        this.kreise = kreise;
        this.sha256 = sha256;
    }

    /** No texts: an edition whose texts folder does not exist. */
    public static AuthorTexts none() {
        return new AuthorTexts(List.of(), Map.of(), Map.of());
    }

    /** The edition's introduction, empty when there is none. */
    public List<Block> introduction() {
        return introduction;
    }

    public KreisText of(String ags) {
        return kreise.getOrDefault(ags, KreisText.NONE);
    }

    /** SHA-256 of every text file read, by file name, in name order. */
    public Map<String, String> sha256() {
        return sha256;
    }

    /**
     * Reads and checks every text of the edition: {@value #INTRODUCTION} and {@code <AGS>.md} for the given Kreise.
     * A folder that does not exist means no texts.
     *
     * @throws EditionException naming file and line of the first thing that cannot be printed
     */
    public static AuthorTexts load(Edition edition, Set<String> ags) {
        Path folder = edition.texts();
        if (!Files.isDirectory(folder)) {
            return none();
        }
        Map<String, String> hashes = new TreeMap<>();
        List<Block> introduction = List.of();
        Path intro = folder.resolve(INTRODUCTION);
        if (Files.isRegularFile(intro)) {
            Parsed parsed = parse(intro, read(intro, hashes), edition, false);
            introduction = parsed.introduction();
        }
        Map<String, KreisText> kreise = new TreeMap<>();
        for (String kreis : ags) {
            Path file = folder.resolve(kreis + ".md");
            if (Files.isRegularFile(file)) {
                Parsed parsed = parse(file, read(file, hashes), edition, true);
                kreise.put(kreis, new KreisText(parsed.introduction(), parsed.assessments()));
            }
        }
        return new AuthorTexts(introduction, kreise, java.util.Collections.unmodifiableMap(hashes));
    }

    /**
     * A Markdown text that stands in another file (a measure's {@code text} in {@code massnahmen.yml}) as printed
     * blocks: paragraphs, emphasis, lists and links, no headings; a refusal names the file and its line there.
     *
     * @param firstLine the line of the file the text begins on
     */
    public static List<Block> blocks(Path file, int firstLine, String markdown) {
        return parse(file, "\n".repeat(Math.max(0, firstLine - 1)) + markdown, null, false)
                .introduction();
    }

    private static String read(Path file, Map<String, String> hashes) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new EditionException(String.format(
                        java.util.Locale.ROOT,
                        "%s: %,d bytes; an authors' text has"
                                + " at most %,d bytes (a Kreis text fills a page or two; was the wrong file saved here?)",
                        file,
                        size,
                        MAX_BYTES));
            }
            byte[] bytes = Files.readAllBytes(file);
            hashes.put(
                    file.getFileName().toString(),
                    HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString()
                    .replace("\uFEFF", "");
        } catch (CharacterCodingException e) {
            throw new EditionException(file + ": not UTF-8; save the text as UTF-8");
        } catch (IOException e) {
            throw new EditionException(file + ": cannot be read: " + e.getMessage());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Parsed(List<Block> introduction, Map<String, List<Block>> assessments) {}

    private static Parsed parse(Path file, String text, Edition edition, boolean headingsAllowed) {
        Document document = (Document) Parser.builder()
                .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
                .build()
                .parse(text);
        List<Block> introduction = new ArrayList<>();
        Map<String, List<Block>> assessments = new LinkedHashMap<>();
        List<Block> current = introduction;
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading) {
                String title = plain(heading).strip();
                if (!headingsAllowed) {
                    throw refuse(
                            file,
                            node,
                            "a heading ('" + title + "'); the introduction of the edition has"
                                    + " paragraphs and lists only");
                }
                if (heading.getLevel() != 2 || !edition.handlungsfelder().containsKey(title)) {
                    throw refuse(
                            file,
                            node,
                            "the heading '" + title + "' (level " + heading.getLevel() + ");"
                                    + " expected '## ' and a Handlungsfeld of the edition: "
                                    + String.join(
                                            ", ", edition.handlungsfelder().keySet()));
                }
                if (assessments.containsKey(title)) {
                    throw refuse(file, node, "a second heading '" + title + "'; each Handlungsfeld once");
                }
                current = new ArrayList<>();
                assessments.put(title, current);
            } else if (node instanceof Paragraph paragraph) {
                current.add(new Block("p", "", inline(file, paragraph)));
            } else if (node instanceof ListBlock list) {
                int number = list instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null
                        ? ordered.getMarkerStartNumber()
                        : 1;
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    current.add(new Block(
                            "li", list instanceof BulletList ? "•" : number++ + ".", listItem(file, (ListItem) item)));
                }
            } else if (node instanceof HtmlBlock html
                    && html.getLiteral().strip().startsWith("<!--")
                    && html.getLiteral().strip().endsWith("-->")) {
                continue; // a note for the authors
            } else {
                throw refuse(file, node, describe(node));
            }
        }
        assessments.values().removeIf(List::isEmpty);
        return new Parsed(introduction, assessments);
    }

    private static String listItem(Path file, ListItem item) {
        StringBuilder markup = new StringBuilder();
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
            if (!(child instanceof Paragraph paragraph)) {
                throw refuse(file, child, "a nested list or block inside a list item; list items hold text only");
            }
            if (markup.length() > 0) {
                markup.append('\n');
            }
            markup.append(inline(file, paragraph));
        }
        return markup.toString();
    }

    /** A paragraph's inline content as JasperReports styled-text markup. */
    private static String inline(Path file, Node parent) {
        StringBuilder markup = new StringBuilder();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text text) {
                markup.append(escape(text.getLiteral()));
            } else if (node instanceof SoftLineBreak) {
                markup.append(' ');
            } else if (node instanceof HardLineBreak) {
                markup.append('\n');
            } else if (node instanceof Emphasis) {
                markup.append("<style isItalic=\"true\">")
                        .append(inline(file, node))
                        .append("</style>");
            } else if (node instanceof StrongEmphasis) {
                markup.append("<style isBold=\"true\">")
                        .append(inline(file, node))
                        .append("</style>");
            } else if (node instanceof Link link) {
                String label = inline(file, node);
                String destination = escape(link.getDestination());
                markup.append(
                        label.isBlank() || label.equals(destination) ? destination : label + " (" + destination + ")");
            } else {
                throw refuse(file, node, describe(node));
            }
        }
        return markup.toString();
    }

    private static String plain(Node parent) {
        StringBuilder text = new StringBuilder();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            text.append(node instanceof Text t ? t.getLiteral() : plain(node));
        }
        return text.toString();
    }

    private static String describe(Node node) {
        String name = node.getClass().getSimpleName();
        return switch (name) {
                    case "FencedCodeBlock", "IndentedCodeBlock", "Code" -> "code";
                    case "BlockQuote" -> "a quotation block ('>')";
                    case "Image" -> "an image";
                    case "ThematicBreak" -> "a horizontal rule";
                    case "HtmlBlock", "HtmlInline" -> "HTML";
                    default -> "'" + name + "'";
                }
                + "; the authors' texts may have paragraphs, *emphasis*, **strong emphasis**, lists, links and"
                + " '## Handlungsfeld' headings";
    }

    private static EditionException refuse(Path file, Node node, String what) {
        List<SourceSpan> spans = node.getSourceSpans();
        String line = spans.isEmpty() ? "" : ":" + (spans.get(0).getLineIndex() + 1);
        return new EditionException(file + line + ": cannot print " + what);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Writes the missing text files of an edition, each a commented stub that shows the structure: the edition's
     * introduction, and per Kreis an introduction and one section per Handlungsfeld. Existing files are left alone.
     *
     * @param kreise AGS and name of each Kreis of the edition, in print order
     * @return the files written
     */
    public static List<Path> createStubs(Edition edition, Map<String, String> kreise) throws IOException {
        Path folder = edition.texts();
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        Path intro = folder.resolve(INTRODUCTION);
        if (!Files.exists(intro)) {
            Files.writeString(
                    intro,
                    "<!-- " + edition.title() + ": Einleitung der Ausgabe, vor allen Kreisen.\n"
                            + "     Absätze, *Hervorhebung*, **starke Hervorhebung**, Listen und Links werden gedruckt;\n"
                            + "     Kommentare wie dieser nicht. -->\n",
                    StandardCharsets.UTF_8);
            written.add(intro);
        }
        for (Map.Entry<String, String> kreis : kreise.entrySet()) {
            Path file = folder.resolve(kreis.getKey() + ".md");
            if (Files.exists(file)) {
                continue;
            }
            StringBuilder stub = new StringBuilder("<!-- " + edition.title() + " – " + kreis.getValue() + " ("
                    + kreis.getKey() + ")\n     Text vor der ersten Überschrift: Einleitung zum Kreis.\n"
                    + "     Unter jeder Überschrift: die Einschätzung der Autorinnen und Autoren zum Handlungsfeld.\n"
                    + "     Die Überschriften müssen Handlungsfelder der Ausgabe bleiben. -->\n");
            for (String field : edition.handlungsfelder().keySet()) {
                stub.append("\n## ")
                        .append(field)
                        .append("\n\n<!-- Einschätzung zum Handlungsfeld ")
                        .append(field)
                        .append(" -->\n");
            }
            Files.writeString(file, stub, StandardCharsets.UTF_8);
            written.add(file);
        }
        return written;
    }
}

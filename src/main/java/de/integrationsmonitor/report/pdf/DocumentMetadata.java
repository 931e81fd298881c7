package de.integrationsmonitor.report.pdf;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a report PDF says about itself, in one place: the document information dictionary and the XMP packet are both
 * written from this record (PDF/A requires them to agree), and so is the document's date.
 *
 * <p>The XMP packet declares every schema that PDF/A-1 does not predefine as a PDF/A extension schema
 * ({@link XmpPacket.ExtensionSchema}); PDF/UA's identification schema is the first. A later schema (e.g. the
 * provenance of a report version) is one more entry in {@link #extensions}, nothing else changes.
 *
 * @param title      shown in the viewer's window (PDF/UA: DisplayDocTitle)
 * @param author     dc:creator and /Author
 * @param subject    dc:description and /Subject
 * @param keywords   pdf:Keywords and /Keywords, joined with ", "
 * @param language   the document's natural language, e.g. {@code de-DE}
 * @param timestamp  creation and modification date
 * @param extensions extension schemas with their values, written after the predefined ones
 */
public record DocumentMetadata(
        String title,
        String author,
        String subject,
        List<String> keywords,
        String language,
        Instant timestamp,
        List<XmpPacket.ExtensionSchema> extensions) {

    /**
     * The date of a PDF rendered without a report version (the renderers' unit tests and tools): a fixed instant, so
     * that they reproduce their files byte for byte. A report version is dated at its first rendering instead
     * ({@link #with(Provenance)}).
     */
    public static final Instant DEFAULT_TIMESTAMP = Instant.parse("2026-01-01T00:00:00Z");

    /** The author every report names. */
    public static final String AUTHOR = "Integrationsmonitor";

    /** The language of every report. */
    public static final String LANGUAGE = "de-DE";

    /** The tool named as xmp:CreatorTool and /Creator. */
    public static final String CREATOR_TOOL = "Integrationsmonitor (JasperReports 7)";

    public DocumentMetadata {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(subject, "subject");
        keywords = List.copyOf(keywords);
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(timestamp, "timestamp");
        extensions = List.copyOf(extensions);
    }

    /** A report's metadata with the product's author, language and the PDF/UA identification. */
    public static DocumentMetadata of(String title, String subject, List<String> keywords, Instant timestamp) {
        return new DocumentMetadata(
                title, AUTHOR, subject, keywords, LANGUAGE, timestamp, List.of(XmpPacket.PDF_UA_IDENTIFICATION));
    }

    /**
     * The same metadata for one report version: dated at the version's first rendering and carrying its provenance
     * as one more extension schema.
     */
    public DocumentMetadata with(Provenance provenance) {
        List<XmpPacket.ExtensionSchema> all = new java.util.ArrayList<>(extensions);
        all.add(provenance.extensionSchema());
        return new DocumentMetadata(title, author, subject, keywords, language, provenance.renderedAt(), all);
    }

    public String keywordLine() {
        return String.join(", ", keywords);
    }
}

package de.integrationsmonitor.report;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import java.security.SecureRandom;
import java.text.AttributedCharacterIterator.Attribute;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.PdfXmpCreator;
import net.sf.jasperreports.pdf.type.PdfaConformanceEnum;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.common.PdfProducer;
import net.sf.jasperreports.pdf.common.PdfProducerContext;

/**
 * A JasperReports PDF exporter whose output depends only on its input: the same report gives the same bytes.
 *
 * <p>OpenPDF 1.3.x puts four things in a PDF that change from run to run, and this exporter pins each:
 * <ul>
 *   <li>{@code /CreationDate} and {@code /ModDate} (the clock): set to the caller's document timestamp;</li>
 *   <li>the trailer {@code /ID} (an MD5 of clock and free memory): OpenPDF takes it from a {@code /FileID}
 *       entry of the info dictionary when present, so we supply one derived from the report content;</li>
 *   <li>the XMP metadata of a PDF/A file, which repeats both dates: JasperReports writes it when the document
 *       opens, from the clock; it is written again on close, from the pinned dates, so that XMP and info
 *       dictionary agree (PDF/A requires it) and neither depends on the clock;</li>
 *   <li>the six-letter subset tag of each embedded font ({@code ABCDEF+DejaVuSans}, drawn from a
 *       {@code SecureRandom}): {@link BaseFont#setSecureRandom} gets a source that always yields "AAAAAA".
 *       The tag only has to tell apart subsets of the same font within one document, and each font
 *       appears once per document here.</li>
 * </ul>
 * Everything else OpenPDF writes (object order, fonts in first-use order, compressed streams) is already
 * deterministic for a given input.
 */
final class ReproduciblePdfExporter extends JRPdfExporter {

    private final Instant documentTimestamp;
    private final byte[] documentId;
    private final PdfaConformanceEnum pdfaConformance;

    ReproduciblePdfExporter(Instant documentTimestamp, byte[] documentId) {
        this(documentTimestamp, documentId, PdfaConformanceEnum.NONE);
    }

    /** @param pdfaConformance the conformance the configuration asks for, whose XMP metadata is rewritten on close */
    ReproduciblePdfExporter(Instant documentTimestamp, byte[] documentId, PdfaConformanceEnum pdfaConformance) {
        this.documentTimestamp = documentTimestamp;
        this.documentId = documentId.clone();
        this.pdfaConformance = pdfaConformance;
    }

    @Override
    protected PdfProducer createPdfProducer() {
        return new Producer(createPdfProducerContext(), documentTimestamp, documentId, pdfaConformance);
    }

    private static final class Producer extends ClassicPdfProducer {

        private final Instant documentTimestamp;
        private final byte[] documentId;
        private final PdfaConformanceEnum pdfaConformance;

        Producer(PdfProducerContext context, Instant documentTimestamp, byte[] documentId,
                 PdfaConformanceEnum pdfaConformance) {
            super(context);
            this.documentTimestamp = documentTimestamp;
            this.documentId = documentId;
            this.pdfaConformance = pdfaConformance;
        }

        @Override
        public Font getFont(Map<Attribute, Object> attributes, Locale locale) {
            Font font = super.getFont(attributes, locale);
            BaseFont baseFont = font == null ? null : font.getBaseFont();
            if (baseFont != null) {
                // BaseFont instances are cached JVM-wide by OpenPDF; a constant tag is safe to share.
                baseFont.setSecureRandom(ConstantSubsetTag.INSTANCE);
            }
            return font;
        }

        @Override
        public void close() {
            // Overwrite what OpenPDF stamped from the clock; the info dictionary is written on close.
            PdfDictionary info = getPdfWriter().getInfo();
            Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
            calendar.setTimeInMillis(documentTimestamp.toEpochMilli());
            PdfDate date = new PdfDate(calendar);
            info.put(PdfName.CREATIONDATE, date);
            info.put(PdfName.MODDATE, date);
            info.put(PdfName.FILEID, PdfEncryption.createInfoId(documentId, documentId));
            if (pdfaConformance != null && pdfaConformance != PdfaConformanceEnum.NONE) {
                // replaces the XMP packet written at open time (clock dates) with one from the pinned info
                if (PdfXmpCreator.supported()) {
                    getPdfWriter().setXmpMetadata(PdfXmpCreator.createXmpMetadata(getPdfWriter(), pdfaConformance,
                            false));
                } else {
                    getPdfWriter().createXmpMetadata();
                }
            }
            super.close();
        }
    }

    /** Feeds OpenPDF's subset-tag generator a constant, so every tag comes out as "AAAAAA". */
    private static final class ConstantSubsetTag extends SecureRandom {

        private static final long serialVersionUID = 1L;
        static final ConstantSubsetTag INSTANCE = new ConstantSubsetTag();

        @Override
        public double nextDouble() {
            return 0.0;
        }
    }

    /**
     * The configuration every report of the product is exported with: PDF/A-1b with the sRGB output intent and
     * the document information an archive indexes (title, author, subject, keywords).
     */
    static net.sf.jasperreports.pdf.SimplePdfExporterConfiguration archival(String title, String author,
                                                                            String subject, String keywords,
                                                                            String iccProfilePath) {
        net.sf.jasperreports.pdf.SimplePdfExporterConfiguration configuration =
                new net.sf.jasperreports.pdf.SimplePdfExporterConfiguration();
        configuration.setMetadataTitle(title);
        configuration.setMetadataAuthor(author);
        configuration.setMetadataSubject(subject);
        configuration.setMetadataKeywords(keywords);
        configuration.setDisplayMetadataTitle(true);
        configuration.setPdfaConformance(PdfaConformanceEnum.PDFA_1B);
        configuration.setIccProfilePath(iccProfilePath);
        return configuration;
    }
}

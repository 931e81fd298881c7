package de.integrationsmonitor.report.pdf;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfString;
import java.security.SecureRandom;
import java.text.AttributedCharacterIterator.Attribute;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.common.PdfDocumentWriter;
import net.sf.jasperreports.pdf.common.PdfProducer;
import net.sf.jasperreports.pdf.common.PdfProducerContext;
import net.sf.jasperreports.pdf.common.PdfTaggerFactory;
import net.sf.jasperreports.pdf.type.PdfPrintScalingEnum;
import net.sf.jasperreports.pdf.type.PdfVersionEnum;
import net.sf.jasperreports.pdf.type.PdfaConformanceEnum;

/**
 * The JasperReports PDF exporter every report goes through: tagged PDF/A-1a (and PDF/UA-1) whose bytes depend only
 * on its input, so the same report gives the same file.
 *
 * <p>OpenPDF 1.3.x puts four things in a PDF that change from run to run, and this exporter pins each:
 * <ul>
 *   <li>{@code /CreationDate} and {@code /ModDate} (the clock): set to the metadata's timestamp;</li>
 *   <li>the trailer {@code /ID} (an MD5 of clock and free memory): OpenPDF takes it from a {@code /FileID}
 *       entry of the info dictionary when present, so we supply one derived from the report content;</li>
 *   <li>the XMP metadata, which repeats both dates: JasperReports writes it when the document opens, from the
 *       clock; it is replaced on close by {@link XmpPacket} from the same {@link DocumentMetadata} as the info
 *       dictionary, so that both agree (PDF/A requires it) and neither depends on the clock;</li>
 *   <li>the six-letter subset tag of each embedded font ({@code ABCDEF+DejaVuSans}, drawn from a
 *       {@code SecureRandom}): {@link BaseFont#setSecureRandom} gets a source that always yields "AAAAAA".
 *       The tag only has to tell apart subsets of the same font within one document, and each font
 *       appears once per document here.</li>
 * </ul>
 * Everything else OpenPDF writes (object order, fonts in first-use order, compressed streams) is already
 * deterministic for a given input. The structure tree comes from {@link StructureTagger}.
 */
final class ReproduciblePdfExporter extends JRPdfExporter {

    /** The producer named in the info dictionary and the XMP packet. */
    static final String PRODUCER = "OpenPDF 1.3.43";

    private final DocumentMetadata metadata;
    private final byte[] documentId;

    /** @param documentId 16 bytes naming this document, the same for the same content */
    ReproduciblePdfExporter(DocumentMetadata metadata, byte[] documentId, String iccProfilePath) {
        this.metadata = metadata;
        this.documentId = documentId.clone();
        setConfiguration(archival(metadata, iccProfilePath));
    }

    @Override
    protected PdfProducer createPdfProducer() {
        return new Producer(createPdfProducerContext(), metadata, documentId);
    }

    @Override
    protected PdfTaggerFactory getPdfTaggerFactory(Boolean isTagged) {
        return exporter -> new StructureTagger(metadata.language());
    }

    private static final class Producer extends ClassicPdfProducer {

        private final DocumentMetadata metadata;
        private final byte[] documentId;

        Producer(PdfProducerContext context, DocumentMetadata metadata, byte[] documentId) {
            super(context);
            this.metadata = metadata;
            this.documentId = documentId;
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

        /**
         * The writer JasperReports configures, except for the XMP packet: Jasper builds one when the document opens,
         * from the clock, which {@link #close} replaces; so the final packet is set right away instead and Jasper's
         * is never built.
         */
        @Override
        public PdfDocumentWriter createWriter(java.io.OutputStream os) throws net.sf.jasperreports.engine.JRException {
            PdfDocumentWriter writer = super.createWriter(os);
            return new PdfDocumentWriter() {
                @Override
                public void setPdfVersion(PdfVersionEnum version) {
                    writer.setPdfVersion(version);
                }

                @Override
                public void setMinimalPdfVersion(PdfVersionEnum version) {
                    writer.setMinimalPdfVersion(version);
                }

                @Override
                public void setFullCompression() {
                    writer.setFullCompression();
                }

                @Override
                public void setEncryption(
                        String userPassword, String ownerPassword, int permissions, boolean is128BitKey)
                        throws net.sf.jasperreports.engine.JRException {
                    writer.setEncryption(userPassword, ownerPassword, permissions, is128BitKey);
                }

                @Override
                public void setPrintScaling(PdfPrintScalingEnum scaling) {
                    writer.setPrintScaling(scaling);
                }

                @Override
                public void setNoSpaceCharRatio() {
                    writer.setNoSpaceCharRatio();
                }

                @Override
                public void setTabOrderStructure() {
                    writer.setTabOrderStructure();
                }

                @Override
                public void setLanguage(String language) {
                    writer.setLanguage(language);
                }

                @Override
                public void setPdfaConformance(PdfaConformanceEnum conformance) {
                    writer.setPdfaConformance(conformance);
                }

                @Override
                public void createXmpMetadata(String title, String subject, String keywords, boolean pdfua) {
                    getPdfWriter().setXmpMetadata(XmpPacket.pdfA1a(metadata, PRODUCER));
                }

                @Override
                public void setRgbTransparencyBlending(boolean blending) {
                    writer.setRgbTransparencyBlending(blending);
                }

                @Override
                public void setIccProfilePath(String path, java.io.InputStream profile) throws java.io.IOException {
                    writer.setIccProfilePath(path, profile);
                }

                @Override
                public void addJavaScript(String script) {
                    writer.addJavaScript(script);
                }

                @Override
                public void setDisplayMetadataTitle() {
                    writer.setDisplayMetadataTitle();
                }
            };
        }

        @Override
        public void close() {
            // Overwrite what OpenPDF stamped from the clock; the info dictionary is written on close.
            PdfDictionary info = getPdfWriter().getInfo();
            Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
            calendar.setTimeInMillis(metadata.timestamp().toEpochMilli());
            PdfDate date = new PdfDate(calendar);
            info.put(PdfName.CREATIONDATE, date);
            info.put(PdfName.MODDATE, date);
            info.put(PdfName.TITLE, new PdfString(metadata.title(), PdfObject.TEXT_UNICODE));
            info.put(PdfName.AUTHOR, new PdfString(metadata.author(), PdfObject.TEXT_UNICODE));
            info.put(PdfName.SUBJECT, new PdfString(metadata.subject(), PdfObject.TEXT_UNICODE));
            info.put(PdfName.KEYWORDS, new PdfString(metadata.keywordLine(), PdfObject.TEXT_UNICODE));
            info.put(PdfName.CREATOR, new PdfString(DocumentMetadata.CREATOR_TOOL, PdfObject.TEXT_UNICODE));
            info.put(PdfName.PRODUCER, new PdfString(PRODUCER, PdfObject.TEXT_UNICODE));
            info.put(PdfName.FILEID, PdfEncryption.createInfoId(documentId, documentId));
            getPdfWriter().setXmpMetadata(XmpPacket.pdfA1a(metadata, PRODUCER));
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
     * The configuration every report of the product is exported with: tagged PDF/A-1a with the sRGB output intent,
     * the document language, and the title shown in the viewer's window.
     */
    private static SimplePdfExporterConfiguration archival(DocumentMetadata metadata, String iccProfilePath) {
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        configuration.setMetadataTitle(metadata.title());
        configuration.setMetadataAuthor(metadata.author());
        configuration.setMetadataSubject(metadata.subject());
        configuration.setMetadataKeywords(metadata.keywordLine());
        configuration.setMetadataCreator(DocumentMetadata.CREATOR_TOOL);
        configuration.setMetadataProducer(PRODUCER);
        configuration.setDisplayMetadataTitle(true);
        configuration.setTagged(true);
        configuration.setTagLanguage(metadata.language());
        configuration.setPdfaConformance(PdfaConformanceEnum.PDFA_1A);
        configuration.setIccProfilePath(iccProfilePath);
        return configuration;
    }
}

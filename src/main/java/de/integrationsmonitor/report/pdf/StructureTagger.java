package de.integrationsmonitor.report.pdf;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintImage;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JRPropertiesMap;
import net.sf.jasperreports.engine.util.StyledTextListWriter;
import net.sf.jasperreports.pdf.common.PdfProducer;
import net.sf.jasperreports.pdf.common.PdfStructure;
import net.sf.jasperreports.pdf.common.PdfStructureEntry;
import net.sf.jasperreports.pdf.common.PdfTagger;

/**
 * Writes the logical structure of a report into the PDF (tagged PDF, as PDF/A-1a and PDF/UA-1 require), from the
 * element properties the templates carry.
 *
 * <p>JasperReports 7.0.8 Community Edition calls a {@link PdfTagger} at every page, element, text run and image, and
 * keeps the structure writing ({@link PdfStructure}); its own tagger was removed from that release. This one reads
 * JasperReports' documented element properties:
 * <ul>
 *   <li>{@code net.sf.jasperreports.export.pdf.tag.<name>} = {@code start} | {@code end} | {@code full} for
 *       {@code table}, {@code tr}, {@code th}, {@code td}, {@code l}, {@code li}, {@code lbl}, {@code lbody} and
 *       {@code h1} … {@code h6}: the element opens, closes, or opens and closes that structure element;</li>
 *   <li>{@code net.sf.jasperreports.export.accessibility.tag} = {@code h1} … {@code h6} (the element is that
 *       heading), {@code artifact} (page furniture: running footers, page numbers, decoration), or
 *       {@code rowheader} (a header cell naming its row; other header cells name their column);</li>
 *   <li>{@link #ALT}: the alternative text of an image or chart, which makes it a {@code Figure}; an image without
 *       one is decoration and becomes an artifact.</li>
 * </ul>
 * Text outside any heading or cell becomes a paragraph ({@code P}); text in a list item goes into its body. Lines,
 * borders and backgrounds are marked as artifacts by the exporter itself. Reading order is the order of the
 * elements on the page, which is the order in which the templates print them.
 */
final class StructureTagger implements PdfTagger {

    /** Element property with the alternative text of a figure: what it shows, in words and numbers. */
    static final String ALT = "net.sf.jasperreports.export.pdf.tag.attribute.Alt";

    static final String ACCESSIBILITY = "net.sf.jasperreports.export.accessibility.tag";

    private static final String PREFIX = "net.sf.jasperreports.export.pdf.tag.";

    /** The structure elements a template may open, outermost first, with their PDF names. */
    private static final List<String[]> TAGS = List.of(
            new String[] {"table", "Table"},
            new String[] {"tr", "TR"},
            new String[] {"th", "TH"},
            new String[] {"td", "TD"},
            new String[] {"l", "L"},
            new String[] {"li", "LI"},
            new String[] {"lbl", "Lbl"},
            new String[] {"lbody", "LBody"},
            new String[] {"h1", "H1"},
            new String[] {"h2", "H2"},
            new String[] {"h3", "H3"},
            new String[] {"h4", "H4"},
            new String[] {"h5", "H5"},
            new String[] {"h6", "H6"});

    private static final List<String> TEXT_CONTAINERS =
            List.of("TH", "TD", "Lbl", "LBody", "H1", "H2", "H3", "H4", "H5", "H6", "P");

    private final String language;
    private PdfStructure structure;
    private final Deque<PdfStructureEntry> open = new ArrayDeque<>();
    private final Deque<String> openNames = new ArrayDeque<>();
    /** How many elements enclosing the current one are artifacts. */
    private int artifactDepth;

    private boolean textIsArtifact;

    StructureTagger(String language) {
        this.language = language;
    }

    @Override
    public void setLanguage(String language) {
        // the document language is fixed by the constructor; JasperReports passes its own configuration value here
    }

    @Override
    public void setPdfProducer(PdfProducer producer) {
        this.structure = producer.getPdfStructure();
    }

    @Override
    public void init() {
        push(structure.createDocumentTag(language), "Document");
    }

    @Override
    public void startPage() {
        // structure elements may span pages; marked content never does (it is opened per text run and image)
    }

    @Override
    public void endPage() {
        // see startPage
    }

    @Override
    public void startElement(JRPrintElement element) {
        JRPropertiesMap properties = element.getPropertiesMap();
        if (!properties.hasProperties()) {
            return;
        }
        if ("artifact".equals(properties.getProperty(ACCESSIBILITY))) {
            artifactDepth++;
            return;
        }
        if (artifactDepth > 0) {
            return;
        }
        for (String[] tag : TAGS) {
            String value = properties.getProperty(PREFIX + tag[0]);
            if ("start".equals(value) || "full".equals(value)) {
                open(tag[1], properties);
            }
        }
        String heading = headingOf(properties);
        if (heading != null) {
            open(heading, properties);
        }
    }

    @Override
    public void endElement(JRPrintElement element) {
        JRPropertiesMap properties = element.getPropertiesMap();
        if (!properties.hasProperties()) {
            return;
        }
        if ("artifact".equals(properties.getProperty(ACCESSIBILITY))) {
            artifactDepth--;
            return;
        }
        if (artifactDepth > 0) {
            return;
        }
        if (headingOf(properties) != null) {
            close();
        }
        for (int i = TAGS.size() - 1; i >= 0; i--) {
            String value = properties.getProperty(PREFIX + TAGS.get(i)[0]);
            if ("end".equals(value) || "full".equals(value)) {
                close();
            }
        }
    }

    private static String headingOf(JRPropertiesMap properties) {
        String value = properties.getProperty(ACCESSIBILITY);
        return value != null
                        && value.length() == 2
                        && value.charAt(0) == 'h'
                        && value.charAt(1) >= '1'
                        && value.charAt(1) <= '6'
                ? "H" + value.substring(1)
                : null;
    }

    private void open(String name, JRPropertiesMap properties) {
        if (name.equals("Table") && "Table".equals(openNames.peek())) {
            // a column header repeated on a new page starts no new table; its row joins the open one
            return;
        }
        PdfStructureEntry entry = structure.createTag(open.peek(), name);
        if (name.equals("TH")) {
            entry.setScope("rowheader".equals(properties.getProperty(ACCESSIBILITY)) ? "Row" : "Column");
        }
        push(entry, name);
    }

    private void push(PdfStructureEntry entry, String name) {
        open.push(entry);
        openNames.push(name);
    }

    private void close() {
        // the document element stays open whatever a template's start/end pairs do
        if (open.size() > 1) {
            open.pop();
            openNames.pop();
        }
    }

    @Override
    public void beginArtifact() {
        structure.beginArtifact();
    }

    @Override
    public void endArtifact() {
        structure.endArtifact();
    }

    @Override
    public void startImage(JRPrintImage image, float llx, float lly, float urx, float ury) {
        String alt = image.getPropertiesMap().getProperty(ALT);
        textIsArtifact = artifactDepth > 0 || alt == null || alt.isBlank();
        if (textIsArtifact) {
            structure.beginArtifact();
            return;
        }
        PdfStructureEntry figure = structure.beginTag(open.peek(), "Figure");
        figure.putString("Alt", alt.strip());
        figure.setBBox(llx, lly, urx, ury);
    }

    @Override
    public void endImage() {
        endText();
    }

    @Override
    public void startText(JRPrintText text) {
        startText(text, null);
    }

    @Override
    public void startText(JRPrintText text, String actualText) {
        textIsArtifact = artifactDepth > 0;
        if (textIsArtifact) {
            structure.beginArtifact();
            return;
        }
        String current = openNames.peek();
        String wrapper = TEXT_CONTAINERS.contains(current) ? null : "LI".equals(current) ? "LBody" : "P";
        if (actualText == null) {
            structure.beginTag(open.peek(), wrapper);
        } else {
            structure.beginTag(open.peek(), wrapper, actualText);
        }
    }

    @Override
    public void endText() {
        if (textIsArtifact) {
            structure.endArtifact();
        } else {
            structure.endTag();
        }
    }

    @Override
    public boolean isFirstLinkParagraph() {
        return false;
    }

    /** No link annotations are tagged: the reports carry none (stock OpenPDF could not give them a parent). */
    @Override
    public PdfStructureEntry getCurrentLinkTag() {
        return null;
    }

    /** Lists are laid out as one element per item (tag.l / tag.li), not as HTML markup inside one text. */
    @Override
    public StyledTextListWriter getListWriter() {
        return null;
    }
}

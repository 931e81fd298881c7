package de.integrationsmonitor.ingest.workbook;

import de.integrationsmonitor.datenquellen.CellRefs;
import de.integrationsmonitor.ingest.ExtractRefusedException;
import de.integrationsmonitor.ingest.IngestLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * One sheet of an xlsx or xlsm, streamed with POI's SAX event API: the sheet's XML is read row by row and never held
 * whole. Before POI opens the file, its ZIP is checked while it inflates (entries, inflated size, ratio), and the
 * shared strings and cells are counted as they come, so that a bomb is refused before it costs memory. A formula
 * gives its cached value; a formula without one refuses the file, naming the cell. Macros (an xlsm's
 * {@code vbaProject.bin}) are never read, let alone run.
 */
final class XlsxSheetRows implements SheetRows {

    private final Path path;
    private final String fileName;
    private final String sheetWanted;
    private final boolean position;
    private final IngestLimits limits;
    private String sheetName;

    XlsxSheetRows(Path path, String fileName, String sheet, boolean position, IngestLimits limits) {
        this.path = path;
        this.fileName = fileName;
        this.sheetWanted = sheet;
        this.position = position;
        this.limits = limits;
    }

    @Override
    public String sheetName() {
        return sheetName;
    }

    @Override
    public void rows(RowConsumer consumer) throws IOException {
        checkZip();
        try (OPCPackage pkg = OPCPackage.open(path.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            List<String> strings = sharedStrings(reader);
            List<Merge> merges = new ArrayList<>();
            try (InputStream sheet = sheet(reader)) {
                parse(sheet, new MergeHandler(merges));
            }
            try (InputStream sheet = sheet(reader)) {
                parse(sheet, new RowHandler(strings, merges, consumer));
            } catch (Stop stop) {
                // the consumer has what it needs
            }
        } catch (InvalidFormatException e) {
            throw refused(0, "not a readable xlsx/xlsm workbook (" + e.getMessage() + ")");
        } catch (OpenXML4JException e) {
            throw refused(0, "not a readable xlsx/xlsm workbook (" + e.getMessage() + ")");
        }
    }

    /** Inflates every entry once, counting, before POI sees the file: a ZIP bomb is refused here. */
    private void checkZip() throws IOException {
        long maxTotal = limits.maxInflatedSize().toBytes();
        try (ZipFile zip = new ZipFile(path.toFile())) {
            if (zip.size() > limits.maxZipEntries()) {
                throw refused(
                        0,
                        "the workbook has " + zip.size() + " ZIP entries, more than " + limits.maxZipEntries()
                                + " (limit imon.limits.max-zip-entries)");
            }
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                long inflated = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        inflated += n;
                        total += n;
                        if (total > maxTotal) {
                            throw refused(
                                    0,
                                    "the workbook inflates to more than " + maxTotal + " bytes (limit"
                                            + " imon.limits.max-inflated-size); entry " + entry.getName());
                        }
                        long compressed = Math.max(1, entry.getCompressedSize());
                        if (inflated > 1024 * 1024 && inflated / compressed > limits.maxCompressionRatio()) {
                            throw refused(
                                    0,
                                    "the entry " + entry.getName() + " inflates more than "
                                            + limits.maxCompressionRatio()
                                            + "-fold (limit imon.limits.max-compression-ratio);"
                                            + " this is no workbook but a ZIP bomb");
                        }
                    }
                }
            }
        }
    }

    private InputStream sheet(XSSFReader reader) throws IOException, InvalidFormatException {
        XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
        int index = 0;
        List<String> names = new ArrayList<>();
        InputStream found = null;
        while (it.hasNext()) {
            InputStream in = it.next();
            index++;
            if (index > limits.maxSheets()) {
                in.close();
                if (found != null) {
                    found.close();
                }
                throw refused(
                        0,
                        "the workbook has more than " + limits.maxSheets() + " sheets (limit"
                                + " imon.limits.max-sheets)");
            }
            String name = it.getSheetName();
            names.add(name);
            if (found == null && (position ? Integer.parseInt(sheetWanted) == index : name.equals(sheetWanted))) {
                found = in;
                sheetName = name;
            } else {
                in.close();
            }
        }
        if (found == null) {
            throw refused(
                    0,
                    "the workbook has no sheet " + (position ? "at position " + sheetWanted : "'" + sheetWanted + "'")
                            + " (source description field 'sheet'); its sheets: " + names);
        }
        return found;
    }

    private List<String> sharedStrings(XSSFReader reader) throws IOException, InvalidFormatException {
        List<String> strings = new ArrayList<>();
        InputStream data;
        try {
            data = reader.getSharedStringsData();
        } catch (IOException | InvalidFormatException | RuntimeException e) {
            return strings; // a workbook without text has no table of shared strings
        }
        if (data == null) {
            return strings;
        }
        try (InputStream in = data) {
            parse(in, new SharedStringsHandler(strings));
        }
        return strings;
    }

    private void parse(InputStream in, DefaultHandler handler) throws IOException {
        try {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(handler);
            xml.parse(new InputSource(in));
        } catch (SAXException e) {
            if (e.getException() instanceof Stop stop) {
                throw stop;
            }
            if (e.getException() instanceof ExtractRefusedException refused) {
                throw refused;
            }
            throw refused(0, "the workbook's XML cannot be read (" + e.getMessage() + ")");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private ExtractRefusedException refused(long row, String problem) {
        return new ExtractRefusedException(fileName, row, problem);
    }

    /** Thrown through the parser when the consumer has read enough. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private final class SharedStringsHandler extends DefaultHandler {
        private final List<String> strings;
        private StringBuilder current;
        private boolean inText;
        private int phonetic;

        SharedStringsHandler(List<String> strings) {
            this.strings = strings;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "si" -> current = new StringBuilder();
                case "t" -> inText = phonetic == 0 && current != null;
                case "rPh" -> phonetic++;
                default -> {}
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (localName) {
                case "si" -> {
                    if (strings.size() >= limits.maxSharedStrings()) {
                        throw new SAXException(refused(
                                0,
                                "the workbook has more than " + limits.maxSharedStrings()
                                        + " shared strings (limit imon.limits.max-shared-strings)"));
                    }
                    strings.add(current.toString());
                    current = null;
                }
                case "t" -> inText = false;
                case "rPh" -> phonetic--;
                default -> {}
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (inText) {
                if (current.length() + length > limits.maxLineLength()) {
                    throw new SAXException(refused(
                            0,
                            "a text of the workbook has more than " + limits.maxLineLength()
                                    + " characters (limit imon.limits.max-line-length)"));
                }
                current.append(ch, start, length);
            }
        }
    }

    private static final class MergeHandler extends DefaultHandler {
        private final List<Merge> merges;

        MergeHandler(List<Merge> merges) {
            this.merges = merges;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (localName.equals("mergeCell")) {
                String ref = attributes.getValue("ref");
                if (ref != null) {
                    merges.add(Merge.parse(ref));
                }
            }
        }
    }

    private final class RowHandler extends DefaultHandler {
        private final List<String> strings;
        private final List<Merge> merges;
        private final RowConsumer consumer;
        private final Map<Merge, SheetCell> firstCells = new HashMap<>();
        private SortedMap<Integer, SheetCell> cells = new TreeMap<>();
        private int row;
        private int rows;
        private long cellCount;
        private String reference;
        private String type;
        private boolean formula;
        private StringBuilder value;
        private boolean inValue;

        RowHandler(List<String> strings, List<Merge> merges, RowConsumer consumer) {
            this.strings = strings;
            this.merges = merges;
            this.consumer = consumer;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            switch (localName) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    row = r == null ? row + 1 : Integer.parseInt(r);
                    cells = new TreeMap<>();
                    if (++rows > limits.maxRows()) {
                        throw new SAXException(refused(
                                row,
                                "the sheet has more than " + limits.maxRows() + " rows (limit imon.limits.max-rows)"));
                    }
                }
                case "c" -> {
                    reference = attributes.getValue("r");
                    type = attributes.getValue("t");
                    formula = false;
                    value = null;
                    if (++cellCount > limits.maxCells()) {
                        throw new SAXException(refused(
                                row,
                                "the sheet has more than " + limits.maxCells()
                                        + " cells (limit imon.limits.max-cells)"));
                    }
                }
                case "f" -> formula = true;
                case "v", "t" -> {
                    inValue = true;
                    if (value == null) {
                        value = new StringBuilder();
                    }
                }
                default -> {}
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (inValue) {
                if (value.length() + length > limits.maxLineLength()) {
                    throw new SAXException(refused(
                            row,
                            sheetName + "!" + reference + ": the cell has more than " + limits.maxLineLength()
                                    + " characters (limit imon.limits.max-line-length)"));
                }
                value.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (localName) {
                case "v", "t" -> inValue = false;
                case "c" -> cell();
                case "row" -> {
                    SheetRows.fillMerged(row, cells, merges, firstCells);
                    if (!consumer.row(row, cells)) {
                        throw new SAXException(new Stop());
                    }
                }
                default -> {}
            }
        }

        private void cell() throws SAXException {
            int column = reference == null ? (cells.isEmpty() ? 0 : cells.lastKey() + 1) : CellRefs.column(reference);
            String ref = reference == null ? CellRefs.cell(column, row) : reference;
            if (value == null) {
                if (formula) {
                    throw new SAXException(refused(
                            row,
                            sheetName + "!" + ref + ": the formula has no cached value"
                                    + " (the workbook was saved without calculating it); open it in a spreadsheet program,"
                                    + " let it calculate and save it again: formulas are never evaluated here"));
                }
                return; // an empty cell that only carries a style
            }
            String text = value.toString();
            SheetCell cell;
            if (type == null || type.equals("n")) {
                cell = new SheetCell(column, text.strip(), true);
            } else if (type.equals("s")) {
                int index = Integer.parseInt(text.strip());
                if (index < 0 || index >= strings.size()) {
                    throw new SAXException(refused(
                            row,
                            sheetName + "!" + ref + ": refers to shared string " + index + ", but the workbook has "
                                    + strings.size()));
                }
                cell = new SheetCell(column, strings.get(index), false);
            } else {
                cell = new SheetCell(column, text, false); // str, inlineStr, b, e
            }
            if (!cell.value().isBlank()) {
                cells.put(column, cell);
            }
        }
    }
}

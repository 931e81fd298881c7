package de.integrationsmonitor.report.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The one fix a report PDF needs after JasperReports' export: the CIDSet of each embedded font subset is replaced so
 * that it names every glyph of the subset's font program (PDF/UA-1 7.21.4.2, veraPDF rule 7.21.4.2-2, and still every
 * glyph the text uses, as PDF/A-1 6.3.5 requires). OpenPDF 1.3 writes the set from the glyphs the text uses, while its
 * subset program keeps the font's whole glyph table (unused glyphs empty), so every glyph index of the program counts
 * as present.
 *
 * <p>The new sets are appended as an incremental update (new versions of the CIDSet streams, a cross-reference
 * section for them, a trailer pointing back to the original one and keeping its document id), which PDF/A-1 allows;
 * nothing before it changes. Reading the file takes a few regular expressions over OpenPDF's uncompressed object
 * dictionaries and the inflation of each font program for its glyph count: a few milliseconds, where a full parse
 * and rewrite with PDFBox took tens.
 */
final class CidSetRepair {

    private static final Pattern CIDSET = Pattern.compile("/CIDSet\\s*(\\d+) 0 R");
    private static final Pattern FONT_FILE = Pattern.compile("/FontFile2\\s*(\\d+) 0 R");
    private static final Pattern LENGTH = Pattern.compile("/Length\\s+(\\d+)");
    private static final Pattern FONT_NAME = Pattern.compile("/FontName\\s*/([^\\s/>\\[\\]]+)");

    /**
     * Glyph count by font name: a subset keeps its font's glyph table, so a font's count never changes; reading it
     * once per JVM saves inflating the font programs of every report.
     */
    private static final Map<String, Integer> GLYPHS = new java.util.concurrent.ConcurrentHashMap<>();

    private CidSetRepair() {}

    static void repair(byte[] pdf, OutputStream out) throws IOException {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        Map<Integer, Integer> glyphsByCidSet = new TreeMap<>();
        Matcher cidSet = CIDSET.matcher(text);
        while (cidSet.find()) {
            int start = text.lastIndexOf(" obj", cidSet.start());
            int end = text.indexOf("endobj", cidSet.end());
            Matcher program = FONT_FILE.matcher(text).region(start, end);
            Matcher name = FONT_NAME.matcher(text).region(start, end);
            if (program.find() && name.find()) {
                // the subset tag is the same for every subset here (see ReproduciblePdfExporter), the font is not
                String font = name.group(1).substring(name.group(1).indexOf('+') + 1);
                Integer glyphs = GLYPHS.get(font);
                if (glyphs == null) {
                    glyphs = numberOfGlyphs(fontProgram(pdf, text, Integer.parseInt(program.group(1))));
                    GLYPHS.put(font, glyphs);
                }
                glyphsByCidSet.put(Integer.parseInt(cidSet.group(1)), glyphs);
            }
        }
        out.write(pdf);
        if (glyphsByCidSet.isEmpty()) {
            return;
        }
        ByteArrayOutputStream update = new ByteArrayOutputStream(1024);
        Map<Integer, Long> offsets = new TreeMap<>();
        for (Map.Entry<Integer, Integer> entry : glyphsByCidSet.entrySet()) {
            offsets.put(entry.getKey(), (long) pdf.length + update.size());
            byte[] set = deflate(allGlyphs(entry.getValue()));
            update.write(ascii(
                    entry.getKey() + " 0 obj\n<<\n/Length " + set.length + "\n/Filter /FlateDecode\n>>\nstream\r\n"));
            update.write(set);
            update.write(ascii("\r\nendstream\nendobj\n"));
        }
        long xref = (long) pdf.length + update.size();
        StringBuilder table = new StringBuilder("xref\n");
        offsets.forEach((object, offset) -> table.append(object)
                .append(" 1\n")
                .append(String.format(java.util.Locale.ROOT, "%010d 00000 n\r\n", offset)));
        int trailer = text.lastIndexOf("trailer");
        String original = text.substring(trailer, text.indexOf(">>", trailer) + 2);
        int startXref = text.lastIndexOf("startxref");
        String previous = text.substring(startXref + "startxref".length(), text.indexOf("%%EOF", startXref))
                .strip();
        table.append(original.replace(">>", "/Prev " + previous + "\n>>"))
                .append("\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        update.write(ascii(table.toString()));
        update.writeTo(out);
    }

    /** The inflated stream of object {@code number} (OpenPDF writes each object once, with a direct /Length). */
    private static byte[] fontProgram(byte[] pdf, String text, int number) throws IOException {
        Matcher header = Pattern.compile("(?m)^" + number + " 0 obj").matcher(text);
        if (!header.find()) {
            throw new IOException("font program object " + number + " not found");
        }
        int dictionaryEnd = text.indexOf("stream", header.end());
        Matcher length = LENGTH.matcher(text).region(header.end(), dictionaryEnd);
        if (!length.find()) {
            throw new IOException("font program object " + number + " has no direct /Length");
        }
        int data = dictionaryEnd + "stream".length();
        data += text.startsWith("\r\n", data) ? 2 : 1;
        Inflater inflater = new Inflater();
        inflater.setInput(pdf, data, Integer.parseInt(length.group(1)));
        ByteArrayOutputStream program = new ByteArrayOutputStream(64 * 1024);
        byte[] buffer = new byte[16 * 1024];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                program.write(buffer, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IOException("font program object " + number + " is not a Flate stream: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
        return program.toByteArray();
    }

    /** numGlyphs of the TrueType program's 'maxp' table. */
    private static int numberOfGlyphs(byte[] font) throws IOException {
        int tables = u16(font, 4);
        for (int i = 0; i < tables; i++) {
            int entry = 12 + 16 * i;
            if (new String(font, entry, 4, StandardCharsets.ISO_8859_1).equals("maxp")) {
                return u16(font, (int) u32(font, entry + 8) + 4);
            }
        }
        throw new IOException("font program without a 'maxp' table");
    }

    private static byte[] allGlyphs(int glyphs) {
        byte[] bits = new byte[(glyphs + 7) / 8];
        for (int glyph = 0; glyph < glyphs; glyph++) {
            bits[glyph / 8] |= (byte) (0x80 >> (glyph % 8));
        }
        return bits;
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static long u32(byte[] b, int at) {
        return ((long) u16(b, at) << 16) | u16(b, at + 2);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}

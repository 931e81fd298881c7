package de.integrationsmonitor.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The one fix a report PDF needs after JasperReports' export: the CIDSet of each embedded font subset is rewritten so
 * that it names every glyph of the subset's font program (PDF/UA-1 7.21.4.2, veraPDF rule 7.21.4.2-2, and still every
 * glyph the text uses, as PDF/A-1 6.3.5 requires). OpenPDF 1.3 writes the set from the glyphs the text uses, while its
 * subset program keeps the font's whole glyph table (unused glyphs empty), so every glyph index of the program counts
 * as present. Everything else of the file is left as it is; the file is written again without object or
 * cross-reference streams (PDF/A-1 allows neither), keeping its document id.
 */
final class CidSetRepair {

    private CidSetRepair() {
    }

    static void repair(byte[] pdf, OutputStream out) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (COSObject object : document.getDocument().getObjectsByType(COSName.FONT_DESC)) {
                if (object.getObject() instanceof COSDictionary descriptor
                        && descriptor.getDictionaryObject(COSName.CID_SET) instanceof COSStream cidSet
                        && descriptor.getDictionaryObject(COSName.FONT_FILE2) instanceof COSStream program) {
                    rewrite(cidSet, program);
                }
            }
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(pdf.length + 1024);
            document.save(buffer, CompressParameters.NO_COMPRESSION);
            buffer.writeTo(out);
        }
    }

    private static void rewrite(COSStream cidSet, COSStream program) throws IOException {
        byte[] font;
        try (var in = program.createInputStream()) {
            font = in.readAllBytes();
        }
        TrueTypeFont subset = new TTFParser(true).parse(new RandomAccessReadBuffer(font));
        int glyphs = subset.getNumberOfGlyphs();
        byte[] bits = new byte[(glyphs + 7) / 8];
        for (int glyph = 0; glyph < glyphs; glyph++) {
            bits[glyph / 8] |= (byte) (0x80 >> (glyph % 8));
        }
        try (OutputStream stream = cidSet.createOutputStream(COSName.FLATE_DECODE)) {
            stream.write(bits);
        }
        subset.close();
    }
}

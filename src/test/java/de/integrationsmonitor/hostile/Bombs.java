package de.integrationsmonitor.hostile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hostile files too large to commit, made at run time: ZIP bombs, endless lines, floods of junk lines. */
public final class Bombs {

    static final String FLAT_HEADER = "statistics_code;statistics_label;time_code;time_label;time;1_variable_code;"
            + "1_variable_label;1_variable_attribute_code;1_variable_attribute_label;value;value_unit;"
            + "value_variable_code;value_variable_label";

    private Bombs() {}

    /** A ZIP whose one entry is a flat-file header and then {@code size} bytes of 'A' without a line break. */
    public static Path oneEndlessLine(Path folder, String name, long size) throws IOException {
        Path zip = folder.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.setLevel(Deflater.BEST_SPEED);
            out.putNextEntry(new ZipEntry(name.replace(".zip", ".csv")));
            out.write(("\uFEFF" + FLAT_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'A');
            for (long written = 0; written < size; written += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
            }
            out.closeEntry();
        }
        return zip;
    }

    /** A ZIP whose central directory lies: its entry declares {@code declared} bytes. */
    public static Path lyingAboutItsSize(Path zip, int declared) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        for (int i = bytes.length - 22; i >= 0; i--) {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2) {
                ByteBuffer.wrap(bytes, i + 24, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(declared);
                break;
            }
        }
        Files.write(zip, bytes);
        return zip;
    }

    /** A ZIP of a flat-file header and {@code lines} short lines of junk: a few KB that inflate to megabytes. */
    public static Path junkLines(Path folder, String name, int lines) throws IOException {
        return repeatedLines(folder, name, lines, "x");
    }

    /** A ZIP of a flat-file header and one good data line repeated {@code lines} times. */
    public static Path repeatedGoodLine(Path folder, String name, int lines) throws IOException {
        return repeatedLines(
                folder,
                name,
                lines,
                "12411;Bevölkerung;STAG;Stichtag;2024-12-31;KREISE;Kreise;15001;" + "Dessau-Roßlau;1;Anzahl;BEV;Wert");
    }

    private static Path repeatedLines(Path folder, String name, int lines, String text) throws IOException {
        Path zip = folder.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            out.putNextEntry(new ZipEntry(name.replace(".zip", ".csv")));
            out.write(("\uFEFF" + FLAT_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] line = (text + "\n").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < lines; i++) {
                out.write(line);
            }
            out.closeEntry();
        }
        return zip;
    }

    /**
     * A plain flat file of {@code good} good lines, then {@code junk} lines of junk: every junk line is quarantined.
     */
    public static Path plainWithJunk(Path folder, String name, int good, int junk) throws IOException {
        Path file = folder.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            writeJunk(out, junk, good);
        }
        return file;
    }

    private static void writeJunk(OutputStream out, int junk, int good) throws IOException {
        StringBuilder text = new StringBuilder("\uFEFF" + FLAT_HEADER + "\n");
        for (int i = 0; i < good; i++) {
            text.append("12411;Bevölkerung;STAG;Stichtag;2024-12-31;KREISE;Kreise;15001;Dessau-Roßlau;")
                    .append(i)
                    .append(";Anzahl;BEV")
                    .append(i)
                    .append(";Wert ")
                    .append(i)
                    .append('\n');
        }
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        byte[] line =
                "junk;junk;junk;junk;junk;junk;junk;junk;junk;junk;junk;junk;junk\n".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < junk; i++) {
            out.write(line);
        }
    }

    /** A plain classic file whose title line goes on for {@code size} characters. */
    public static Path endlessClassicLine(Path folder, String name, long size) throws IOException {
        Path file = folder.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("GENESIS-Tabelle: 99998-01-01-4\n".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 16];
            Arrays.fill(chunk, (byte) 'x');
            for (long written = 0; written < size; written += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
            }
        }
        return file;
    }

    /** A plain classic file whose one data line has {@code cells} cells. */
    public static Path tooManyCells(Path folder, String name, int cells) throws IOException {
        StringBuilder text = new StringBuilder("GENESIS-Tabelle: 99998-01-01-4\nTitel;;\n;;31.12.2015\n;;Insgesamt\n");
        text.append("15001;Dessau-Roßlau;5").append(";5".repeat(cells)).append('\n');
        text.append("__________\nStand: 14.12.2017 / 15:51:18\n");
        return Files.writeString(folder.resolve(name), text);
    }
}

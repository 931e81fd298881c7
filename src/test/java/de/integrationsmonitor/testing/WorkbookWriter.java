package de.integrationsmonitor.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes small workbooks in the shapes offices deliver (title rows, merged multi-row headers, a row of column
 * numbers, keys, symbols, formulas), as xlsx, xls or xlsm, for the tests and the shipped sample. Cells are given
 * by reference: {@code cell("D12", 4878)}.
 */
public final class WorkbookWriter {

    /** A formula, with the value Excel would have stored with it, or without one (a workbook saved uncalculated). */
    public record Formula(String formula, Double cached) {}

    private final Map<String, Map<String, Object>> sheets = new LinkedHashMap<>();
    private final Map<String, List<String>> merges = new LinkedHashMap<>();
    private String current;

    public WorkbookWriter sheet(String name) {
        current = name;
        sheets.putIfAbsent(name, new LinkedHashMap<>());
        merges.putIfAbsent(name, new ArrayList<>());
        return this;
    }

    public WorkbookWriter cell(String reference, Object value) {
        sheets.get(current).put(reference, value);
        return this;
    }

    /** Writes a row from a column on: {@code row(12, "B", "101", "Braunschweig, Stadt", 11541)}. */
    public WorkbookWriter row(int row, String fromColumn, Object... values) {
        int column = CellReference.convertColStringToIndex(fromColumn);
        for (Object value : values) {
            if (value != null) {
                cell(CellReference.convertNumToColString(column) + row, value);
            }
            column++;
        }
        return this;
    }

    /** A merged region; its value is that of its first cell. */
    public WorkbookWriter merge(String range) {
        merges.get(current).add(range);
        return this;
    }

    public Path xlsx(Path file) throws IOException {
        try (Workbook wb = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            fill(wb);
            wb.write(out);
        }
        return file;
    }

    public Path xls(Path file) throws IOException {
        try (Workbook wb = new HSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            fill(wb);
            wb.write(out);
        }
        return file;
    }

    /**
     * An xlsm: the workbook as a macro-enabled one with a VBA project whose (fake) code would write into a cell
     * when run; a reader that ran it would find {@code X1} filled.
     */
    public Path xlsm(Path file) throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (Workbook wb = new XSSFWorkbook()) {
            fill(wb);
            wb.write(plain);
        }
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(plain.toByteArray()));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                String name = entry.getName();
                if (name.equals("[Content_Types].xml")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8)
                            .replace(
                                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                                    "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
                            .replace(
                                    "</Types>",
                                    "<Default Extension=\"bin\" ContentType="
                                            + "\"application/vnd.ms-office.vbaProject\"/></Types>")
                            .getBytes(StandardCharsets.UTF_8);
                }
                if (name.equals("xl/_rels/workbook.xml.rels")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8)
                            .replace(
                                    "</Relationships>",
                                    "<Relationship Id=\"rIdVba\" Type=\"http://schemas.microsoft.com/office/2006/"
                                            + "relationships/vbaProject\" Target=\"vbaProject.bin\"/></Relationships>")
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(name));
                out.write(bytes);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("xl/vbaProject.bin"));
            out.write(("Attribute VB_Name = \"DieseArbeitsmappe\"\nSub Workbook_Open()\n"
                            + "  Worksheets(1).Range(\"X1\").Value = \"macro ran\"\nEnd Sub\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return file;
    }

    /**
     * An xlsx "bomb": a valid workbook whose sheet XML inflates from a few kilobytes to {@code inflatedMegabytes}
     * (white space inside the sheet), as a hostile file would.
     */
    public static Path bomb(Path file, int inflatedMegabytes) throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (Workbook wb = new XSSFWorkbook()) {
            wb.createSheet("Tabelle1").createRow(0).createCell(0).setCellValue("Bombe");
            wb.write(plain);
        }
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(plain.toByteArray()));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    int at = xml.indexOf("<sheetData");
                    out.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
                    byte[] blanks = new byte[1024 * 1024];
                    java.util.Arrays.fill(blanks, (byte) ' ');
                    for (int i = 0; i < inflatedMegabytes; i++) {
                        out.write(blanks);
                    }
                    out.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(bytes);
                }
                out.closeEntry();
            }
        }
        return file;
    }

    private void fill(Workbook wb) {
        for (Map.Entry<String, Map<String, Object>> s : sheets.entrySet()) {
            Sheet sheet = wb.createSheet(s.getKey());
            for (Map.Entry<String, Object> c : s.getValue().entrySet()) {
                CellReference ref = new CellReference(c.getKey());
                Row row = sheet.getRow(ref.getRow());
                if (row == null) {
                    row = sheet.createRow(ref.getRow());
                }
                Cell cell = row.createCell(ref.getCol());
                Object value = c.getValue();
                if (value instanceof Formula f) {
                    cell.setCellFormula(f.formula());
                    if (f.cached() != null) {
                        cell.setCellValue(f.cached());
                    }
                } else if (value instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else {
                    cell.setCellValue(String.valueOf(value));
                }
            }
            for (String range : merges.get(s.getKey())) {
                sheet.addMergedRegion(CellRangeAddress.valueOf(range));
            }
        }
    }

    /** Reads a ZIP entry of a written workbook (for tests that look into the package). */
    public static byte[] entry(Path file, String name) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                ZipInputStream in = new ZipInputStream(raw)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        return null;
    }
}

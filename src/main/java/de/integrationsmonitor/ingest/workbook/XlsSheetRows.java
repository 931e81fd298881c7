package de.integrationsmonitor.ingest.workbook;

import de.integrationsmonitor.ingest.ExtractRefusedException;
import de.integrationsmonitor.ingest.IngestLimits;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * One sheet of an Excel 97–2003 workbook (xls), read with POI's HSSF. The format holds at most 65,536 rows, and the
 * file is read as a whole; rows and cells are still counted against the limits. Formulas give the value Excel
 * stored with them and are never evaluated; macros are never run.
 */
final class XlsSheetRows implements SheetRows {

    private final Path path;
    private final String fileName;
    private final String sheetWanted;
    private final boolean position;
    private final IngestLimits limits;
    private String sheetName;

    XlsSheetRows(Path path, String fileName, String sheet, boolean position, IngestLimits limits) {
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
        try (POIFSFileSystem fs = new POIFSFileSystem(path.toFile(), true);
                HSSFWorkbook workbook = new HSSFWorkbook(fs.getRoot(), false)) {
            if (workbook.getNumberOfSheets() > limits.maxSheets()) {
                throw refused(
                        0,
                        "the workbook has " + workbook.getNumberOfSheets() + " sheets, more than " + limits.maxSheets()
                                + " (limit imon.limits.max-sheets)");
            }
            Sheet sheet = position
                    ? (Integer.parseInt(sheetWanted) <= workbook.getNumberOfSheets()
                            ? workbook.getSheetAt(Integer.parseInt(sheetWanted) - 1)
                            : null)
                    : workbook.getSheet(sheetWanted);
            if (sheet == null) {
                List<String> names = new ArrayList<>();
                workbook.forEach(s -> names.add(s.getSheetName()));
                throw refused(
                        0,
                        "the workbook has no sheet "
                                + (position ? "at position " + sheetWanted : "'" + sheetWanted + "'")
                                + " (source description field 'sheet'); its sheets: " + names);
            }
            sheetName = sheet.getSheetName();
            List<Merge> merges = new ArrayList<>();
            for (CellRangeAddress r : sheet.getMergedRegions()) {
                merges.add(new Merge(r.getFirstRow() + 1, r.getLastRow() + 1, r.getFirstColumn(), r.getLastColumn()));
            }
            Map<Merge, SheetCell> firstCells = new HashMap<>();
            long cellCount = 0;
            int rows = 0;
            int previous = 0;
            for (Row row : sheet) {
                int number = row.getRowNum() + 1;
                // rows without cells inside a merged region still get its value
                for (int empty = previous + 1; empty < number; empty++) {
                    SortedMap<Integer, SheetCell> none = new TreeMap<>();
                    SheetRows.fillMerged(empty, none, merges, firstCells);
                    if (!none.isEmpty() && !consumer.row(empty, none)) {
                        return;
                    }
                }
                previous = number;
                if (++rows > limits.maxRows()) {
                    throw refused(
                            number,
                            "the sheet has more than " + limits.maxRows() + " rows (limit" + " imon.limits.max-rows)");
                }
                SortedMap<Integer, SheetCell> cells = new TreeMap<>();
                for (Cell cell : row) {
                    if (++cellCount > limits.maxCells()) {
                        throw refused(
                                number,
                                "the sheet has more than " + limits.maxCells() + " cells (limit"
                                        + " imon.limits.max-cells)");
                    }
                    SheetCell value = value(cell);
                    if (value != null && !value.value().isBlank()) {
                        cells.put(cell.getColumnIndex(), value);
                    }
                }
                SheetRows.fillMerged(number, cells, merges, firstCells);
                if (!consumer.row(number, cells)) {
                    return;
                }
            }
        }
    }

    private static SheetCell value(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        int column = cell.getColumnIndex();
        return switch (type) {
            case NUMERIC ->
                new SheetCell(
                        column, BigDecimal.valueOf(cell.getNumericCellValue()).toPlainString(), true);
            case STRING -> new SheetCell(column, cell.getStringCellValue(), false);
            case BOOLEAN ->
                new SheetCell(column, String.valueOf(cell.getBooleanCellValue()).toUpperCase(), false);
            case ERROR -> new SheetCell(column, "#ERROR", false);
            default -> null;
        };
    }

    private ExtractRefusedException refused(long row, String problem) {
        return new ExtractRefusedException(fileName, row, problem);
    }
}

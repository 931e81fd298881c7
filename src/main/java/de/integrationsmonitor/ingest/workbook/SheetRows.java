package de.integrationsmonitor.ingest.workbook;

import de.integrationsmonitor.datenquellen.CellRefs;
import java.io.IOException;
import java.util.List;
import java.util.SortedMap;

/** The rows of one sheet, handed over in order, each with its non-empty cells (merged regions filled in). */
interface SheetRows {

    /** The sheet's name, as findings name it ({@code 2020_5-1-3_Download!D12}). */
    String sheetName();

    /** Streams the rows; the consumer may stop early by returning false. */
    void rows(RowConsumer consumer) throws IOException;

    interface RowConsumer {
        /** @return false to stop reading */
        boolean row(int rowNumber, SortedMap<Integer, SheetCell> cells);
    }

    /** Fills the merged regions of a row: every cell a region spans gets the value of its first cell. */
    static void fillMerged(
            int row,
            SortedMap<Integer, SheetCell> cells,
            List<Merge> merges,
            java.util.Map<Merge, SheetCell> firstCells) {
        for (Merge m : merges) {
            if (row == m.firstRow()) {
                SheetCell first = cells.get(m.firstColumn());
                if (first != null) {
                    firstCells.put(m, first);
                }
            }
            if (row >= m.firstRow() && row <= m.lastRow()) {
                SheetCell first = firstCells.get(m);
                if (first != null) {
                    for (int c = m.firstColumn(); c <= m.lastColumn(); c++) {
                        cells.put(c, new SheetCell(c, first.value(), first.numeric(), m.firstColumn()));
                    }
                }
            }
            if (row == m.lastRow()) {
                firstCells.remove(m);
            }
        }
    }

    /** A merged region, rows 1-based, columns 0-based. */
    record Merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {
        static Merge parse(String ref) {
            String[] parts = ref.split(":");
            String from = parts[0];
            String to = parts.length > 1 ? parts[1] : parts[0];
            return new Merge(CellRefs.row(from), CellRefs.row(to), CellRefs.column(from), CellRefs.column(to));
        }
    }
}

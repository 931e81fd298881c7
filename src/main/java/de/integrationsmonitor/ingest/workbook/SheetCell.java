package de.integrationsmonitor.ingest.workbook;

/**
 * One cell of a sheet as the workbook stores it: a number in its exact decimal form, or a text. A formula cell is
 * its cached value; a merged cell carries the value of the region's first cell.
 *
 * @param origin the column the value was written in: the first column of its merged region, or its own
 */
record SheetCell(int column, String value, boolean numeric, int origin) {

    SheetCell(int column, String value, boolean numeric) {
        this(column, value, numeric, column);
    }
}

package de.integrationsmonitor.datenquellen;

/** Cell references as Excel writes them: column letters to 0-based indexes and back ({@code D12}). */
public final class CellRefs {

    private CellRefs() {}

    /** The 0-based index of a column: A is 0, Z 25, AA 26. */
    public static int column(String letters) {
        int n = 0;
        for (int i = 0; i < letters.length(); i++) {
            char c = letters.charAt(i);
            if (c < 'A' || c > 'Z') {
                break;
            }
            n = n * 26 + (c - 'A' + 1);
        }
        return n - 1;
    }

    public static String letters(int column) {
        StringBuilder b = new StringBuilder();
        int n = column + 1;
        while (n > 0) {
            int r = (n - 1) % 26;
            b.insert(0, (char) ('A' + r));
            n = (n - 1) / 26;
        }
        return b.toString();
    }

    /** {@code D12} of a 0-based column and a 1-based row. */
    public static String cell(int column, int row) {
        return letters(column) + row;
    }

    /** The 1-based row of a reference such as {@code D12}. */
    public static int row(String reference) {
        int i = 0;
        while (i < reference.length() && Character.isLetter(reference.charAt(i))) {
            i++;
        }
        return Integer.parseInt(reference.substring(i));
    }
}

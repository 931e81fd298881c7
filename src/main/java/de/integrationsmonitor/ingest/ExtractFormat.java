package de.integrationsmonitor.ingest;

/** The delivery formats of the statistical offices that the product reads. */
public enum ExtractFormat {
    /** The classic "Werteabruf" CSV of the Regionaldatenbank / GENESIS (header block, footer). */
    CLASSIC_CSV("classic"),
    /** The flat-file CSV of the GENESIS web service, plain or in a ZIP. */
    FFCSV("ffcsv"),
    /** An Excel workbook (xlsx, xlsm, xls) of another office, read through its source description (jobs/datenquellen). */
    WORKBOOK("workbook");

    private final String label;

    ExtractFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

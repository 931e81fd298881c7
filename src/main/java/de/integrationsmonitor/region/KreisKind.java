package de.integrationsmonitor.region;

/** The two kinds of Kreis-level territory that the register distinguishes, with the German label a report prints. */
public enum KreisKind {
    KREISFREIE_STADT("kreisfreie Stadt"),
    /** Also Region Hannover, Städteregion Aachen and Regionalverband Saarbrücken: they are Landkreise in law. */
    LANDKREIS("Landkreis");

    private final String label;

    KreisKind(String label) {
        this.label = label;
    }

    /** German label, e.g. {@code kreisfreie Stadt}. */
    public String label() {
        return label;
    }
}

package de.integrationsmonitor.report.pdf;

import de.integrationsmonitor.kernel.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * Where one report PDF comes from, as the PDF itself carries it (XMP metadata and colophon): its report version id,
 * the edition, the Kreis or Land, the computation its figures come from, the SHA-256 of every input, the application
 * that rendered it and when the version was first rendered.
 *
 * @param versionId    the id a person can quote on the phone, {@code 7KQ2-M9XD-4A} (see {@link #versionId})
 * @param unit         the Kreis's AGS, or {@code land-15} for the overview of a Land
 * @param territory    the Kreis or Land by name, e.g. "Kreis 15001 Dessau-Roßlau"
 * @param renderedAt   the first rendering of this version; a re-render prints the same time
 */
public record Provenance(
        String versionId,
        String edition,
        String unit,
        String territory,
        long computationId,
        String inputsSha256,
        String appVersion,
        Instant renderedAt) {

    /** The namespace of the PDF/A extension schema that carries a report's provenance. */
    public static final String NAMESPACE = "https://integrationsmonitor.de/ns/provenance/1.0/";

    public static final String PREFIX = "imon";

    /** Crockford's base 32: digits and letters without I, L, O, U, so that an id survives being read aloud. */
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private static final DateTimeFormatter W3C =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GERMAN_DATE =
            DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(ZoneOffset.UTC);

    public Provenance {
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(territory, "territory");
        Objects.requireNonNull(inputsSha256, "inputsSha256");
        Objects.requireNonNull(appVersion, "appVersion");
        renderedAt =
                Objects.requireNonNull(renderedAt, "renderedAt").truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /**
     * The version id of one report: the first 50 bits of the SHA-256 over what it rests on (the edition's inputs'
     * hash, which covers deliveries, catalogue, rules, register, edition file, templates and texts; the unit; the
     * computation; the application version) in Crockford base 32, grouped {@code XXXX-XXXX-XX}. The same inputs
     * give the same id; 50 bits make a collision among a million versions about as likely as one in two billion.
     */
    public static String versionId(String inputsSha256, String unit, long computationId, String appVersion) {
        byte[] hash = Sha256.digest()
                .digest(("imon report version 1\ninputs " + inputsSha256 + "\nunit " + unit + "\ncomputation "
                                + computationId + "\napplication " + appVersion + "\n")
                        .getBytes(StandardCharsets.UTF_8));
        long bits = 0;
        for (int i = 0; i < 7; i++) {
            bits = (bits << 8) | (hash[i] & 0xff);
        }
        bits >>>= 6; // 56 bits read, 50 kept
        StringBuilder id = new StringBuilder(12);
        for (int i = 9; i >= 0; i--) {
            id.append(CROCKFORD.charAt((int) ((bits >>> (5 * i)) & 31)));
        }
        return id.substring(0, 4) + "-" + id.substring(4, 8) + "-" + id.substring(8);
    }

    /**
     * A version id as a person typed it, in the form {@link #versionId} writes: case and dashes do not matter, and
     * the letters Crockford's alphabet leaves out are read as the digits they look like (O as 0, I and L as 1).
     */
    public static String normalise(String typed) {
        StringBuilder id = new StringBuilder();
        for (char c : typed.strip().toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ') {
                continue;
            }
            id.append(c == 'O' ? '0' : c == 'I' || c == 'L' ? '1' : c);
        }
        String s = id.toString();
        return s.length() != 10 ? typed.strip() : s.substring(0, 4) + "-" + s.substring(4, 8) + "-" + s.substring(8);
    }

    /** "Version 7KQ2-M9XD-4A, erstellt am 01.12.2026": the colophon's line. */
    public String renderedOn() {
        return GERMAN_DATE.format(renderedAt);
    }

    /** The provenance as a PDF/A extension schema of the XMP packet (declared in the packet, so PDF/A stays valid). */
    public XmpPacket.ExtensionSchema extensionSchema() {
        return new XmpPacket.ExtensionSchema(
                "Integrationsmonitor report provenance",
                NAMESPACE,
                PREFIX,
                List.of(
                        property("versionId", "Text", "the report version id", versionId),
                        property("edition", "Text", "the edition id", edition),
                        property("unit", "Text", "the Kreis (AGS) or Land (land-NN) of the report", unit),
                        property("territory", "Text", "the Kreis or Land by name", territory),
                        property(
                                "computation",
                                "Integer",
                                "the id of the stored computation of the figures",
                                Long.toString(computationId)),
                        property("inputsSha256", "Text", "SHA-256 over every input of the edition", inputsSha256),
                        property("application", "Text", "the application version that rendered the report", appVersion),
                        property("renderedAt", "Date", "the first rendering of this version", W3C.format(renderedAt))));
    }

    private static XmpPacket.Property property(String name, String type, String description, String value) {
        return new XmpPacket.Property(name, type, "external", description, value);
    }
}

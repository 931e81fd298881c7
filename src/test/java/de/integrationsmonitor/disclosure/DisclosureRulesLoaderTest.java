package de.integrationsmonitor.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DisclosureRulesLoaderTest {

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("geheimhaltung.yml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void rulesPerTableAndTheDefaultForOwnData() throws IOException {
        DisclosureRules rules = DisclosureRulesLoader.load(write("""
                version: "2026.1"
                eigene_daten: {mindestfallzahl: 3}
                tabellen:
                  12521-0040: amtlich
                  abh-aufenthaltstitel: {mindestfallzahl: 5, schutzintervall_prozent: 30}
                  kita-betreuungsstunden: {mindestfallzahl: 3, dominanz: {n: 1, k: 85}}
                """));

        assertEquals("2026.1", rules.version());
        assertEquals(Optional.empty(), rules.ruleFor("12521-0040"));
        assertEquals(Optional.empty(), rules.ruleFor("12411-01-01-4"), "an undeclared table is the office's");
        ProtectionRule titles = rules.ruleFor("abh-aufenthaltstitel").orElseThrow();
        assertTrue(titles.sensitive(new BigDecimal(4), List.of()));
        assertEquals(new Interval(3.5, 6.5), titles.protectionInterval(new BigDecimal(5)));
        ProtectionRule hours = rules.ruleFor("kita-betreuungsstunden").orElseThrow();
        // one provider with 900 of 1,000 hours dominates the cell; with 800 it does not
        assertTrue(hours.sensitive(new BigDecimal(1000), List.of(new BigDecimal(900), new BigDecimal(100))));
        assertEquals(false, hours.sensitive(new BigDecimal(1000), List.of(new BigDecimal(800), new BigDecimal(200))));
        assertEquals(ProtectionRule.OWN_DATA_DEFAULT, rules.ownData());
    }

    @Test
    void theHashChangesWithTheRulesAndNoFileMeansNoRule() throws IOException {
        String a = DisclosureRulesLoader.load(write("tabellen: {x: {mindestfallzahl: 3}}\n"))
                .sha256();
        String b = DisclosureRulesLoader.load(write("tabellen: {x: {mindestfallzahl: 4}}\n"))
                .sha256();
        assertNotEquals(a, b);
        assertEquals(DisclosureRules.NONE, DisclosureRulesLoader.load(dir.resolve("missing.yml")));
    }

    @Test
    void aWrongRuleNamesFileEntryAndField() throws IOException {
        Path file = write("tabellen:\n  abh-aufenthaltstitel: {mindestfallzahl: drei}\n");
        DisclosureRulesException e =
                assertThrows(DisclosureRulesException.class, () -> DisclosureRulesLoader.load(file));
        assertEquals(
                file + ", tabellen, abh-aufenthaltstitel, mindestfallzahl: expected a whole number from 0 to"
                        + " 1000000, found 'drei'",
                e.getMessage());

        e = assertThrows(
                DisclosureRulesException.class,
                () -> DisclosureRulesLoader.block(Map.of("minimum", 3), "jobs/datenquellen/abh.yml, geheimhaltung"));
        assertTrue(
                e.getMessage().startsWith("jobs/datenquellen/abh.yml, geheimhaltung: unknown field 'minimum'"),
                e.getMessage());
    }

    @Test
    void theShippedRulesFileReads() {
        DisclosureRules shipped = DisclosureRulesLoader.load(DisclosureRules.file(Path.of("jobs")));
        assertEquals(3, shipped.ownData().minimumCount());
        assertEquals(50, shipped.ownData().intervalPercent());
    }
}

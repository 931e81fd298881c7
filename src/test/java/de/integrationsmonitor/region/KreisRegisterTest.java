package de.integrationsmonitor.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class KreisRegisterTest {

    private static final KreisRegister REGISTER = KreisRegister.loadDefault();

    private static LocalDate endOfYear(int year) {
        return LocalDate.of(year, 12, 31);
    }

    static Stream<Arguments> kreiseOnDecember31() {
        return Stream.of(
                Arguments.of(2000, 440), // before Region Hannover; Eisenach kreisfrei since 1998
                Arguments.of(2001, 439),
                Arguments.of(2002, 439),
                Arguments.of(2003, 439),
                Arguments.of(2004, 439),
                Arguments.of(2005, 439),
                Arguments.of(2006, 439),
                Arguments.of(2007, 429),
                Arguments.of(2008, 413),
                Arguments.of(2009, 412),
                Arguments.of(2010, 412),
                Arguments.of(2011, 402),
                Arguments.of(2012, 402),
                Arguments.of(2013, 402),
                Arguments.of(2014, 402),
                Arguments.of(2015, 402),
                Arguments.of(2016, 401),
                Arguments.of(2017, 401),
                Arguments.of(2018, 401),
                Arguments.of(2019, 401),
                Arguments.of(2020, 401),
                Arguments.of(2021, 400),
                Arguments.of(2022, 400),
                Arguments.of(2023, 400),
                Arguments.of(2024, 400),
                Arguments.of(2025, 400),
                Arguments.of(2026, 401));
    }

    @ParameterizedTest(name = "31.12.{0}: {1} Kreise")
    @MethodSource("kreiseOnDecember31")
    @DisplayName("Germany had 440 Kreise at the end of 2000, 439 in 2001-2006 (Region Hannover), 429 in 2007 "
            + "(Sachsen-Anhalt), 413 in 2008 (Sachsen), 412 in 2009-2010 (Städteregion Aachen), 402 in 2011-2015 "
            + "(Mecklenburg-Vorpommern), 401 in 2016-2020 (Göttingen), 400 in 2021-2025 (Eisenach) and 401 from "
            + "2026 (Hanau), Berlin and Hamburg included")
    void countsPerYearEnd(int year, int expected) {
        assertThat(REGISTER.kreiseOn(endOfYear(year))).hasSize(expected);
    }

    @Test
    @DisplayName("The 400 Kreise of 2024 are 106 kreisfreie Städte and 294 Landkreise")
    void kindsIn2024() {
        List<Kreis> kreise = REGISTER.kreiseOn(endOfYear(2024));
        assertThat(kreise)
                .filteredOn(k -> k.kind() == KreisKind.KREISFREIE_STADT)
                .hasSize(106);
        assertThat(kreise).filteredOn(k -> k.kind() == KreisKind.LANDKREIS).hasSize(294);
    }

    @Test
    @DisplayName("Dessau-Roßlau (15001) existed on 31.12.2015; Dessau (15101) had been dissolved on 1.7.2007")
    void dessau() {
        assertThat(REGISTER.existedOn("15001", LocalDate.of(2015, 12, 31))).isTrue();
        assertThat(REGISTER.existedOn("15101", LocalDate.of(2015, 12, 31))).isFalse();
        assertThat(REGISTER.existedOn("15101", LocalDate.of(2007, 6, 30))).isTrue();
        assertThat(REGISTER.existedOn("15001", LocalDate.of(2007, 6, 30))).isFalse();
        assertThat(REGISTER.find("15001")).get().extracting(Kreis::name).isEqualTo("Dessau-Roßlau, kreisfreie Stadt");
    }

    @Test
    @DisplayName("Eisenach (16056) was a kreisfreie Stadt until 30.06.2021 and joined the Wartburgkreis on 1.7.2021")
    void eisenach() {
        assertThat(REGISTER.existedOn("16056", LocalDate.of(2021, 6, 30))).isTrue();
        assertThat(REGISTER.existedOn("16056", LocalDate.of(2021, 7, 1))).isFalse();
        assertThat(REGISTER.successorsOf("16056")).singleElement().satisfies(s -> {
            assertThat(s.newAgs()).isEqualTo("16063");
            assertThat(s.effective()).isEqualTo(LocalDate.of(2021, 7, 1));
            assertThat(s.whole()).isTrue();
        });
    }

    @Test
    @DisplayName("Landkreis Göttingen 03159 exists from 1.11.2016, when 03152 Göttingen and 03156 Osterode merged")
    void goettingen() {
        assertThat(REGISTER.existedOn("03159", LocalDate.of(2016, 10, 31))).isFalse();
        assertThat(REGISTER.existedOn("03159", LocalDate.of(2016, 11, 1))).isTrue();
        assertThat(REGISTER.existedOn("03152", LocalDate.of(2016, 10, 31))).isTrue();
        assertThat(REGISTER.existedOn("03156", LocalDate.of(2016, 11, 1))).isFalse();
        assertThat(REGISTER.predecessorsOf("03159"))
                .extracting(KreisSuccession::oldAgs)
                .containsExactly("03152", "03156");
    }

    @Test
    @DisplayName("Region Hannover (03241) replaced 03201 and 03253 on 1.11.2001; "
            + "Städteregion Aachen (05334) replaced 05313 and 05354 on 21.10.2009")
    void regionHannoverAndAachen() {
        assertThat(REGISTER.existedOn("03201", LocalDate.of(2001, 10, 31))).isTrue();
        assertThat(REGISTER.existedOn("03241", LocalDate.of(2001, 10, 31))).isFalse();
        assertThat(REGISTER.existedOn("03241", LocalDate.of(2001, 11, 1))).isTrue();
        assertThat(REGISTER.existedOn("05354", LocalDate.of(2009, 10, 20))).isTrue();
        assertThat(REGISTER.existedOn("05334", LocalDate.of(2009, 10, 21))).isTrue();
        assertThat(REGISTER.existedOn("05313", LocalDate.of(2009, 10, 21))).isFalse();
    }

    @Test
    @DisplayName("Region Hannover, Städteregion Aachen and Regionalverband Saarbrücken count as Landkreise")
    void specialLandkreise() {
        assertThat(Stream.of("03241", "05334", "10041").map(REGISTER::find))
                .allSatisfy(k -> assertThat(k).get().extracting(Kreis::kind).isEqualTo(KreisKind.LANDKREIS));
        assertThat(KreisKind.LANDKREIS.label()).isEqualTo("Landkreis");
        assertThat(KreisKind.KREISFREIE_STADT.label()).isEqualTo("kreisfreie Stadt");
    }

    @Test
    @DisplayName("Berlin (11000) and Hamburg (02000) are kreisfreie Städte throughout 1995-2025, "
            + "written as Länder 11 and 02 in classic CSVs")
    void cityStates() {
        for (int year = 1995; year <= 2025; year++) {
            assertThat(REGISTER.existedOn("11000", endOfYear(year)))
                    .as("Berlin %d", year)
                    .isTrue();
            assertThat(REGISTER.existedOn("02000", endOfYear(year)))
                    .as("Hamburg %d", year)
                    .isTrue();
        }
        assertThat(REGISTER.existedOn("11000", LocalDate.of(1995, 1, 1))).isTrue();
        assertThat(REGISTER.find("11000")).get().extracting(Kreis::kind).isEqualTo(KreisKind.KREISFREIE_STADT);
        assertThat(REGISTER.find("02000")).get().extracting(Kreis::kind).isEqualTo(KreisKind.KREISFREIE_STADT);
        assertThat(REGISTER.cityStateKreis("02")).contains("02000");
        assertThat(REGISTER.cityStateKreis("11")).contains("11000");
        assertThat(REGISTER.cityStateKreis("15")).isEmpty();
        assertThat(REGISTER.classicAliasOf("11000")).contains("11");
        assertThat(REGISTER.classicAliasOf("02000")).contains("02");
        assertThat(REGISTER.classicAliasOf("15001")).isEmpty();
    }

    @Test
    @DisplayName("Every Kreis valid on a date belongs to a Land whose code is the Kreis code's first two digits")
    void everyKreisBelongsToItsLand() {
        assertThat(REGISTER.laender())
                .hasSize(16)
                .extracting(Land::code)
                .containsExactly(
                        "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16");
        for (int year = 1995; year <= 2025; year++) {
            for (Kreis k : REGISTER.kreiseOn(endOfYear(year))) {
                assertThat(k.landCode()).isEqualTo(k.ags().substring(0, 2));
                assertThat(REGISTER.land(k.landCode()))
                        .as("Land of %s", k.ags())
                        .isPresent();
            }
        }
        int sumOverLaender = REGISTER.laender().stream()
                .mapToInt(
                        l -> REGISTER.kreiseOfLandOn(l.code(), endOfYear(2024)).size())
                .sum();
        assertThat(sumOverLaender).isEqualTo(400);
    }

    @Test
    @DisplayName("Sachsen-Anhalt had 14 Kreise on 31.12.2015 (3 kreisfreie Städte, 11 Landkreise)")
    void sachsenAnhalt2015() {
        List<Kreis> kreise = REGISTER.kreiseOfLandOn("15", endOfYear(2015));
        assertThat(kreise).hasSize(14);
        assertThat(kreise)
                .filteredOn(k -> k.kind() == KreisKind.KREISFREIE_STADT)
                .extracting(Kreis::ags)
                .containsExactly("15001", "15002", "15003");
        assertThat(REGISTER.land("15")).get().extracting(Land::name).isEqualTo("Sachsen-Anhalt");
    }

    @Test
    @DisplayName("Every territory that ended has successors that begin the day after its end, "
            + "and its population shares add up to 1")
    void everyDissolvedKreisHasSuccessors() {
        List<Kreis> dissolved =
                REGISTER.kreise().stream().filter(Kreis::isDissolved).toList();
        // 76 dissolved codes, the Wartburgkreis before 1998 and before 2021, the Main-Kinzig-Kreis before 2026
        assertThat(dissolved).hasSize(79);
        for (Kreis k : dissolved) {
            LocalDate dayAfter = k.validTo().orElseThrow().plusDays(1);
            List<KreisSuccession> successors = REGISTER.successorsOf(k.ags()).stream()
                    .filter(s -> s.effective().equals(dayAfter))
                    .toList();
            assertThat(successors).as("successors of %s", k.ags()).isNotEmpty();
            for (KreisSuccession s : successors) {
                assertThat(REGISTER.versionOn(s.newAgs(), dayAfter))
                        .as("%s on %s", s.newAgs(), dayAfter)
                        .hasValueSatisfying(
                                successor -> assertThat(successor.validFrom()).isEqualTo(dayAfter));
            }
            BigDecimal sum = successors.stream().map(KreisSuccession::share).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).as("share sum of %s", k.ags()).isEqualByComparingTo(BigDecimal.ONE);
        }
        assertThat(REGISTER.successorsOf("15001")).isEmpty();
    }

    @Test
    @DisplayName("Hanau (06415) leaves the Main-Kinzig-Kreis (06435) on 1.1.2026: the Kreis keeps its code with a "
            + "smaller territory, 23.78 % of its population went to Hanau")
    void hanau2026() {
        LocalDate lastDay = LocalDate.of(2025, 12, 31);
        LocalDate firstDay = LocalDate.of(2026, 1, 1);
        assertThat(REGISTER.existedOn("06415", lastDay)).isFalse();
        assertThat(REGISTER.find("06415")).get().satisfies(k -> {
            assertThat(k.kind()).isEqualTo(KreisKind.KREISFREIE_STADT);
            assertThat(k.validFrom()).isEqualTo(firstDay);
        });
        assertThat(REGISTER.versionsOf("06435")).hasSize(2);
        assertThat(REGISTER.versionOn("06435", lastDay)).isNotEqualTo(REGISTER.versionOn("06435", firstDay));
        assertThat(REGISTER.successorsOf("06435"))
                .extracting(KreisSuccession::newAgs, s -> s.share().toPlainString(), KreisSuccession::keepsCode)
                .containsExactly(tuple("06415", "0.2378", false), tuple("06435", "0.7622", true));
        assertThat(REGISTER.kreiseOfLandOn("06", firstDay))
                .filteredOn(k -> k.kind() == KreisKind.KREISFREIE_STADT)
                .extracting(Kreis::ags)
                .containsExactly("06411", "06412", "06413", "06414", "06415", "06611");
    }

    @Test
    @DisplayName("Sachsen's second reform stage of 1.1.1996: Hoyerswerda kreisfrei, Vogtlandkreis, Meißen and "
            + "Kamenz formed; the 1994 Kreise stand from the register's first day")
    void sachsen1996() {
        for (String ags : List.of("14178", "14264", "14280", "14292")) {
            assertThat(REGISTER.existedOn(ags, LocalDate.of(1995, 12, 31)))
                    .as(ags)
                    .isFalse();
            assertThat(REGISTER.existedOn(ags, LocalDate.of(1996, 1, 1)))
                    .as(ags)
                    .isTrue();
        }
        assertThat(REGISTER.kreiseOfLandOn("14", LocalDate.of(1996, 1, 1)))
                .hasSize(29)
                .filteredOn(k -> k.kind() == KreisKind.KREISFREIE_STADT)
                .hasSize(7);
        assertThat(REGISTER.existedOn("14287", LocalDate.of(1995, 6, 30))).isTrue();
    }

    @Test
    @DisplayName("Anhalt-Zerbst (15151) was split on 1.7.2007 among Dessau-Roßlau, Anhalt-Bitterfeld, "
            + "Jerichower Land and Wittenberg; Demmin (13052) on 4.9.2011 between Seenplatte and Vorpommern-Greifswald")
    void splitKreise() {
        assertThat(REGISTER.successorsOf("15151"))
                .extracting(KreisSuccession::newAgs)
                .containsExactly("15001", "15082", "15086", "15091");
        assertThat(REGISTER.successorsOf("15151"))
                .allSatisfy(s -> assertThat(s.whole()).isFalse());
        assertThat(REGISTER.successorsOf("13052"))
                .extracting(KreisSuccession::newAgs)
                .containsExactly("13071", "13075");
        assertThat(REGISTER.successorsOf("15352"))
                .extracting(KreisSuccession::newAgs)
                .containsExactly("15085", "15089");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "DG, GERMANY",
        "15, LAND",
        "033, REGIERUNGSBEZIRK",
        "15001, KREIS",
        "03241001, GEMEINDE",
        "0713101001, GEMEINDE",
        "0713100007, GEMEINDE",
        "03151401002, GEMEINDE",
        "0713101, GEMEINDEVERBAND",
        "03151401, GEMEINDEVERBAND",
        "071315001, GEMEINDEVERBAND",
        "09162000, GEMEINDE"
    })
    @DisplayName("Region codes keep leading zeros and their length tells the level: DG Germany, 2 digits Land, "
            + "3 Regierungsbezirk, 5 Kreis, 8 Gemeinde (in Niedersachsen 4xx a Samtgemeinde), 7 and 9 a"
            + " Gemeindeverband, 10 and 11 a Gemeinde with its Gemeindeverband")
    void regionLevel(String code, RegionLevel expected) {
        assertThat(RegionLevel.of(code)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"3241", "1", "032410", "DE", "dg", "15 001", "1500a", "123456789012", "0713101001a"})
    @DisplayName("A code that lost its leading zero or is not a region code has no level")
    void regionLevelRejects(String code) {
        assertThat(RegionLevel.of(code)).isEmpty();
    }

    @Test
    @DisplayName("A Gemeinde key in the offices' longer forms names the same AGS as the register, and its Kreis")
    void gemeindeKeysNameTheirAgsAndKreis() {
        assertThat(RegionLevel.gemeindeAgs("0713101001")).isEqualTo("07131001"); // Adenau, VG Adenau
        assertThat(RegionLevel.gemeindeAgs("0713100007")).isEqualTo("07131007"); // Bad Neuenahr-Ahrweiler
        assertThat(RegionLevel.gemeindeAgs("03151401002")).isEqualTo("03151002"); // Barwedel, SG Boldecker Land
        assertThat(RegionLevel.gemeindeAgs("12073008")).isEqualTo("12073008");
        assertThat(RegionLevel.kreisOf("0713101")).isEqualTo("07131");
        assertThat(RegionLevel.kreisOf("03151401002")).isEqualTo("03151");
        assertThatThrownBy(() -> RegionLevel.gemeindeAgs("03151401")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RegionLevel.kreisOf("15001")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("version() is the SHA-256 of jobs/register/kreise.csv, laender.csv and kreis-nachfolge.csv, in that"
            + " order")
    void versionIsHashOfResources() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (String file : List.of("kreise.csv", "laender.csv", "kreis-nachfolge.csv")) {
            digest.update(resource(file));
        }
        assertThat(REGISTER.version())
                .isEqualTo(HexFormat.of().formatHex(digest.digest()))
                .hasSize(64);
        assertThat(KreisRegister.loadDefault()).isSameAs(REGISTER);
    }

    @Test
    @DisplayName("A malformed line names the file, the line number and what was expected")
    void malformedLinesAreReported() throws IOException {
        byte[] laender = resource("laender.csv");
        byte[] nachfolge = resource("kreis-nachfolge.csv");
        byte[] badDate = utf8("ags;name;land;kind;valid_from;valid_to\n"
                + "01001;Flensburg, kreisfreie Stadt;01;KREISFREIE_STADT;1995-01-01;\n"
                + "01002;Kiel, kreisfreie Stadt;01;KREISFREIE_STADT;01.01.1995;\n");
        assertThatThrownBy(() -> KreisRegister.parse(badDate, laender, nachfolge))
                .isInstanceOf(RegisterException.class)
                .hasMessageContaining("kreise.csv line 3")
                .hasMessageContaining("expected an ISO date (yyyy-mm-dd) in column 'valid_from'");

        byte[] tooFewFields = utf8("ags;name;land;kind;valid_from;valid_to\n01001;Flensburg;01;KREISFREIE_STADT\n");
        assertThatThrownBy(() -> KreisRegister.parse(tooFewFields, laender, nachfolge))
                .hasMessageContaining("kreise.csv line 2")
                .hasMessageContaining("expected 6 fields");

        byte[] badLand = utf8("land;name\n01;Schleswig-Holstein\n2;Hamburg\n");
        assertThatThrownBy(() -> KreisRegister.parse(resource("kreise.csv"), badLand, nachfolge))
                .hasMessageContaining("laender.csv line 3")
                .hasMessageContaining("two-digit Land code");

        String shares = new String(nachfolge, StandardCharsets.UTF_8).replace(";0.202;", ";0.302;");
        assertThatThrownBy(() -> KreisRegister.parse(resource("kreise.csv"), laender, utf8(shares)))
                .hasMessageContaining("kreis-nachfolge.csv line")
                .hasMessageContaining("shares of 15151 on 2007-07-01 to add up to 1, they add up to 1.100");

        byte[] latin1 = "land;name\n16;Th\u00fcringen\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> KreisRegister.parse(resource("kreise.csv"), latin1, nachfolge))
                .hasMessageContaining("laender.csv")
                .hasMessageContaining("UTF-8");
    }

    @Test
    @DisplayName("A dissolved Kreis without a successor row is refused, pointing at its line in kreise.csv")
    void dissolvedKreisNeedsSuccessor() throws IOException {
        String withoutEisenach = new String(resource("kreis-nachfolge.csv"), StandardCharsets.UTF_8)
                .lines()
                .filter(l -> !l.startsWith("16056;"))
                .reduce("", (a, b) -> a + b + "\n");
        assertThatThrownBy(() ->
                        KreisRegister.parse(resource("kreise.csv"), resource("laender.csv"), utf8(withoutEisenach)))
                .hasMessageContaining("kreise.csv line")
                .hasMessageContaining("16056")
                .hasMessageContaining("names no successor");
    }

    @Test
    @DisplayName("A Kreis that takes over territory while keeping its line would overlap its predecessor: refused")
    void aSuccessorThatKeepsItsTerritoryWouldOverlap() throws IOException {
        String kreise = new String(resource("kreise.csv"), StandardCharsets.UTF_8)
                .replace("16063;Wartburgkreis;16;LANDKREIS;1998-01-01;2021-06-30\n", "")
                .replace("16063;Wartburgkreis;16;LANDKREIS;2021-07-01;\n", "")
                .replace(
                        "16063;Wartburgkreis;16;LANDKREIS;1995-01-01;1997-12-31",
                        "16063;Wartburgkreis;16;LANDKREIS;1995-01-01;");
        String nachfolge = new String(resource("kreis-nachfolge.csv"), StandardCharsets.UTF_8)
                .lines()
                .filter(l -> !l.startsWith("16063;"))
                .reduce("", (a, b) -> a + b + "\n");
        assertThatThrownBy(() -> KreisRegister.parse(utf8(kreise), resource("laender.csv"), utf8(nachfolge)))
                .isInstanceOf(RegisterException.class)
                .hasMessageContaining("kreis-nachfolge.csv line")
                .hasMessageContaining("16063 takes over territory of 16056")
                .hasMessageContaining("would overlap from 2021-07-01");
    }

    @Test
    @DisplayName("Two lines of one code that overlap in time are refused, naming both lines")
    void overlappingLinesOfOneCode() throws IOException {
        String kreise = new String(resource("kreise.csv"), StandardCharsets.UTF_8)
                .replace(
                        "06435;Main-Kinzig-Kreis;06;LANDKREIS;1995-01-01;2025-12-31",
                        "06435;Main-Kinzig-Kreis;06;LANDKREIS;1995-01-01;2026-03-31");
        assertThatThrownBy(() ->
                        KreisRegister.parse(utf8(kreise), resource("laender.csv"), resource("kreis-nachfolge.csv")))
                .isInstanceOf(RegisterException.class)
                .hasMessageMatching("kreise.csv line \\d+: Kreis 06435 from 2026-01-01 overlaps its line \\d+ .*");
    }

    @Test
    @DisplayName("A crosswalk row without a share is refused: the share is what rebuilds the series")
    void aShareIsRequired() throws IOException {
        String nachfolge = new String(resource("kreis-nachfolge.csv"), StandardCharsets.UTF_8)
                .replace("03152;03159;2016-11-01;1;", "03152;03159;2016-11-01;;");
        assertThatThrownBy(() -> KreisRegister.parse(resource("kreise.csv"), resource("laender.csv"), utf8(nachfolge)))
                .hasMessageContaining("kreis-nachfolge.csv line")
                .hasMessageContaining("expected column 'share' to be the share of 03152's population");
    }

    @Test
    @DisplayName("A missing register file is named with its folder")
    void aMissingFileIsNamed(@TempDir Path folder) throws IOException {
        Files.write(folder.resolve("kreise.csv"), resource("kreise.csv"));
        Files.write(folder.resolve("laender.csv"), resource("laender.csv"));
        assertThatThrownBy(() -> KreisRegister.load(folder))
                .isInstanceOf(RegisterException.class)
                .hasMessageContaining(folder.resolve("kreis-nachfolge.csv").toString())
                .hasMessageContaining("missing");
    }

    @Test
    @DisplayName("Unknown codes are simply absent, not errors")
    void unknownCodes() {
        assertThat(REGISTER.find("99999")).isEmpty();
        assertThat(REGISTER.find(null)).isEqualTo(Optional.empty());
        assertThat(REGISTER.existedOn("99999", endOfYear(2020))).isFalse();
        assertThat(REGISTER.successorsOf("99999")).isEmpty();
        assertThat(REGISTER.land("17")).isEmpty();
    }

    @Test
    @DisplayName("A Kreis name longer than a report version records is refused when the register is read")
    void aKreisNameOfMoreThan200CharactersIsRefusedNamingFileLineFieldAndLimit() throws IOException {
        String kreise = new String(resource("kreise.csv"), StandardCharsets.UTF_8);
        String dessau = "15001;Dessau-Roßlau, kreisfreie Stadt;";
        assertThat(kreise).contains(dessau);
        String longName = "Dessau-Roßlau" + ", kreisfreie Stadt".repeat(17);
        byte[] tooLong = utf8(kreise.replace(dessau, "15001;" + longName + ";"));

        assertThatThrownBy(() -> KreisRegister.parse(tooLong, resource("laender.csv"), resource("kreis-nachfolge.csv")))
                .isInstanceOf(RegisterException.class)
                .hasMessageContaining("kreise.csv line ")
                .hasMessageContaining(
                        "the name in column 'name' has " + longName.length() + " characters; at most 200 are allowed");
    }

    private static byte[] resource(String file) throws IOException {
        return Files.readAllBytes(Path.of("jobs", "register", file));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

package de.integrationsmonitor.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
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
                Arguments.of(2001, 439), Arguments.of(2002, 439), Arguments.of(2003, 439),
                Arguments.of(2004, 439), Arguments.of(2005, 439), Arguments.of(2006, 439),
                Arguments.of(2007, 429),
                Arguments.of(2008, 413),
                Arguments.of(2009, 412), Arguments.of(2010, 412),
                Arguments.of(2011, 402), Arguments.of(2012, 402), Arguments.of(2013, 402),
                Arguments.of(2014, 402), Arguments.of(2015, 402),
                Arguments.of(2016, 401), Arguments.of(2017, 401), Arguments.of(2018, 401),
                Arguments.of(2019, 401), Arguments.of(2020, 401),
                Arguments.of(2021, 400), Arguments.of(2022, 400), Arguments.of(2023, 400),
                Arguments.of(2024, 400), Arguments.of(2025, 400));
    }

    @ParameterizedTest(name = "31.12.{0}: {1} Kreise")
    @MethodSource("kreiseOnDecember31")
    @DisplayName("Germany had 440 Kreise at the end of 2000, 439 in 2001-2006 (Region Hannover), 429 in 2007 "
            + "(Sachsen-Anhalt), 413 in 2008 (Sachsen), 412 in 2009-2010 (Städteregion Aachen), 402 in 2011-2015 "
            + "(Mecklenburg-Vorpommern), 401 in 2016-2020 (Göttingen) and 400 since 2021 (Eisenach), "
            + "Berlin and Hamburg included")
    void countsPerYearEnd(int year, int expected) {
        assertThat(REGISTER.kreiseOn(endOfYear(year))).hasSize(expected);
    }

    @Test
    @DisplayName("The 400 Kreise of 2024 are 106 kreisfreie Städte and 294 Landkreise")
    void kindsIn2024() {
        List<Kreis> kreise = REGISTER.kreiseOn(endOfYear(2024));
        assertThat(kreise).filteredOn(k -> k.kind() == KreisKind.KREISFREIE_STADT).hasSize(106);
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
        assertThat(REGISTER.successorsOf("16056"))
                .singleElement()
                .satisfies(s -> {
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
        assertThat(REGISTER.predecessorsOf("03159")).extracting(KreisSuccession::oldAgs)
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
            assertThat(REGISTER.existedOn("11000", endOfYear(year))).as("Berlin %d", year).isTrue();
            assertThat(REGISTER.existedOn("02000", endOfYear(year))).as("Hamburg %d", year).isTrue();
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
        assertThat(REGISTER.laender()).hasSize(16).extracting(Land::code)
                .containsExactly("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13",
                        "14", "15", "16");
        for (int year = 1995; year <= 2025; year++) {
            for (Kreis k : REGISTER.kreiseOn(endOfYear(year))) {
                assertThat(k.landCode()).isEqualTo(k.ags().substring(0, 2));
                assertThat(REGISTER.land(k.landCode())).as("Land of %s", k.ags()).isPresent();
            }
        }
        int sumOverLaender = REGISTER.laender().stream()
                .mapToInt(l -> REGISTER.kreiseOfLandOn(l.code(), endOfYear(2024)).size()).sum();
        assertThat(sumOverLaender).isEqualTo(400);
    }

    @Test
    @DisplayName("Sachsen-Anhalt had 14 Kreise on 31.12.2015 (3 kreisfreie Städte, 11 Landkreise)")
    void sachsenAnhalt2015() {
        List<Kreis> kreise = REGISTER.kreiseOfLandOn("15", endOfYear(2015));
        assertThat(kreise).hasSize(14);
        assertThat(kreise).filteredOn(k -> k.kind() == KreisKind.KREISFREIE_STADT).extracting(Kreis::ags)
                .containsExactly("15001", "15002", "15003");
        assertThat(REGISTER.land("15")).get().extracting(Land::name).isEqualTo("Sachsen-Anhalt");
    }

    @Test
    @DisplayName("Every dissolved Kreis has successors that exist from the day after its end, "
            + "and its population shares add up to 1 where given")
    void everyDissolvedKreisHasSuccessors() {
        List<Kreis> dissolved = REGISTER.kreise().stream().filter(Kreis::isDissolved).toList();
        assertThat(dissolved).hasSize(76);
        for (Kreis k : dissolved) {
            List<KreisSuccession> successors = REGISTER.successorsOf(k.ags());
            assertThat(successors).as("successors of %s", k.ags()).isNotEmpty();
            LocalDate dayAfter = k.validTo().orElseThrow().plusDays(1);
            for (KreisSuccession s : successors) {
                assertThat(s.effective()).isEqualTo(dayAfter);
                assertThat(REGISTER.existedOn(s.newAgs(), dayAfter)).as("%s on %s", s.newAgs(), dayAfter).isTrue();
            }
            if (successors.stream().allMatch(s -> s.share().isPresent())) {
                BigDecimal sum = successors.stream().map(s -> s.share().orElseThrow())
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(sum).as("share sum of %s", k.ags()).isEqualByComparingTo(BigDecimal.ONE);
            }
        }
        assertThat(REGISTER.successorsOf("15001")).isEmpty();
    }

    @Test
    @DisplayName("Anhalt-Zerbst (15151) was split on 1.7.2007 among Dessau-Roßlau, Anhalt-Bitterfeld, "
            + "Jerichower Land and Wittenberg; Demmin (13052) on 4.9.2011 between Seenplatte and Vorpommern-Greifswald")
    void splitKreise() {
        assertThat(REGISTER.successorsOf("15151")).extracting(KreisSuccession::newAgs)
                .containsExactly("15001", "15082", "15086", "15091");
        assertThat(REGISTER.successorsOf("15151")).allSatisfy(s -> assertThat(s.whole()).isFalse());
        assertThat(REGISTER.successorsOf("13052")).extracting(KreisSuccession::newAgs)
                .containsExactly("13071", "13075");
        assertThat(REGISTER.successorsOf("15352")).extracting(KreisSuccession::newAgs)
                .containsExactly("15085", "15089");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"DG, GERMANY", "15, LAND", "033, REGIERUNGSBEZIRK", "15001, KREIS", "03241001, GEMEINDE"})
    @DisplayName("Region codes keep leading zeros and their length tells the level: DG Germany, 2 digits Land, "
            + "3 Regierungsbezirk, 5 Kreis, 8 Gemeinde")
    void regionLevel(String code, RegionLevel expected) {
        assertThat(RegionLevel.of(code)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"3241", "1", "0324100", "DE", "dg", "15 001", "1500a", "123456789"})
    @DisplayName("A code that lost its leading zero or is not a region code has no level")
    void regionLevelRejects(String code) {
        assertThat(RegionLevel.of(code)).isEmpty();
    }

    @Test
    @DisplayName("version() is the SHA-256 of kreise.csv, laender.csv and kreis-nachfolge.csv, in that order")
    void versionIsHashOfResources() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (String file : List.of("kreise.csv", "laender.csv", "kreis-nachfolge.csv")) {
            digest.update(resource(file));
        }
        assertThat(REGISTER.version()).isEqualTo(HexFormat.of().formatHex(digest.digest())).hasSize(64);
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
                .isInstanceOf(IllegalArgumentException.class)
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
                .hasMessageContaining("shares of 15151 to add up to 1");

        byte[] latin1 = "land;name\n16;Th\u00fcringen\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> KreisRegister.parse(resource("kreise.csv"), latin1, nachfolge))
                .hasMessageContaining("laender.csv")
                .hasMessageContaining("UTF-8");
    }

    @Test
    @DisplayName("A dissolved Kreis without a successor row is refused, pointing at its line in kreise.csv")
    void dissolvedKreisNeedsSuccessor() throws IOException {
        String withoutEisenach = new String(resource("kreis-nachfolge.csv"), StandardCharsets.UTF_8)
                .lines().filter(l -> !l.startsWith("16056;")).reduce("", (a, b) -> a + b + "\n");
        assertThatThrownBy(() -> KreisRegister.parse(resource("kreise.csv"), resource("laender.csv"),
                utf8(withoutEisenach)))
                .hasMessageContaining("kreise.csv line")
                .hasMessageContaining("16056")
                .hasMessageContaining("names no successor");
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

    private static byte[] resource(String file) throws IOException {
        try (InputStream in = KreisRegisterTest.class.getResourceAsStream("/region/" + file)) {
            assertThat(in).as(file).isNotNull();
            return in.readAllBytes();
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

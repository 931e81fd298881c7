package de.integrationsmonitor.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The names offices print for a Kreis resolve to its key, per Land and day, or are never guessed. */
class KreisNamesTest {

    static final KreisRegister REGISTER = KreisRegister.load(Path.of("jobs", "register"));
    static final KreisNames NAMES = KreisNames.load(REGISTER, Path.of("jobs", "register"));
    static final LocalDate DAY = LocalDate.of(2020, 6, 30);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Braunschweig, Stadt             | 03101",
                "Braunschweig  Stadt             | 03101",
                "Stadt Braunschweig              | 03101",
                "kreisfreie Stadt Braunschweig   | 03101",
                "Hannover, Region                | 03241",
                "Hannover,Region                 | 03241",
                "Region Hannover                 | 03241",
                "Landkreis Gifhorn               | 03151",
                "Gifhorn, Landkreis              | 03151",
                "LK Gifhorn                      | 03151",
                "Gifhorn                         | 03151",
                "Luechow-Dannenberg              | 03354",
                "Lüchow-Dannenberg               | 03354",
                "Oldenburg(Oldb),Stadt           | 03403",
                "Oldenburg                       | 03458",
                "Osnabrück,Stadt                 | 03404",
                "Osnabrueck, Landkreis           | 03459",
            })
    void variantsOfficesPrintResolveToTheKreis(String printed, String ags) {
        assertThat(NAMES.resolve(printed, "03", DAY))
                .isEqualTo(new KreisNames.Found(REGISTER.versionOn(ags, DAY).orElseThrow()));
    }

    @Test
    void goettingenIsTheOldKreisBeforeNovember2016AndTheMergedOneAfter() {
        assertThat(NAMES.resolve("Göttingen", "03", LocalDate.of(2015, 12, 31)))
                .isInstanceOfSatisfying(
                        KreisNames.Found.class, f -> assertThat(f.kreis().ags()).isEqualTo("03152"));
        assertThat(NAMES.resolve("Goettingen", "03", LocalDate.of(2016, 12, 31)))
                .isInstanceOfSatisfying(
                        KreisNames.Found.class, f -> assertThat(f.kreis().ags()).isEqualTo("03159"));
        assertThat(NAMES.resolve("Osterode am Harz", "03", LocalDate.of(2017, 12, 31)))
                .isInstanceOf(KreisNames.Unresolved.class);
    }

    @Test
    void aNameOfTwoKreiseIsAmbiguousAndNamesBoth() {
        assertThat(NAMES.resolve("Osnabrück", "03", DAY))
                .isInstanceOfSatisfying(
                        KreisNames.Unresolved.class,
                        u -> assertThat(u.nearest())
                                .containsExactly("03404 Osnabrück, kreisfreie Stadt", "03459 Osnabrück, Landkreis"));
    }

    @Test
    void anUnknownNameIsNeverGuessedButTheNearestRegisterNamesAreOffered() {
        assertThat(NAMES.resolve("Wolfsbrug", "03", DAY)).isInstanceOfSatisfying(KreisNames.Unresolved.class, u -> {
            assertThat(u.nearest()).first().isEqualTo("03103 Wolfsburg, kreisfreie Stadt");
            assertThat(u.reason()).contains("no Kreis of Land 03 on 30.06.2020 is called 'Wolfsbrug'");
        });
        // a Kreis of another Land is no answer either
        assertThat(NAMES.resolve("Harz", "03", DAY)).isInstanceOf(KreisNames.Unresolved.class);
        assertThat(NAMES.resolve("Harz", "15", DAY)).isInstanceOf(KreisNames.Found.class);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Stat. Region Braunschweig   | aggregate",
                "Statistische Region Hannover | aggregate",
                "Regierungsbezirk Lüneburg   | aggregate",
                "Niedersachsen               | the Land",
                "dav. Hannover, Lhst.        | part of a Kreis",
                "darunter Hannover, Umland   | part of a Kreis",
            })
    void aggregatesAndPartsOfAKreisAreNoKreis(String printed, String reason) {
        assertThat(NAMES.resolve(printed, "03", DAY))
                .isInstanceOfSatisfying(
                        KreisNames.NotAKreis.class, n -> assertThat(n.reason()).contains(reason));
    }
}

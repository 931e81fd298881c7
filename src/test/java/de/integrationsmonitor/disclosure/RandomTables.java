package de.integrationsmonitor.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random tables in the shapes own data come in, with many small cells: one dimension with its total, two
 * dimensions with margins, and a Kreis of Gemeinden (some divided into areas) by sex. Every table is built from one
 * seed, so that a failure can be repeated.
 */
final class RandomTables {

    private static final ProtectionRule RULE = ProtectionRule.OWN_DATA_DEFAULT;

    private RandomTables() {}

    /** A count with a good share of 0, 1 and 2. */
    static long count(Random random) {
        int roll = random.nextInt(10);
        return roll < 1 ? 0 : roll < 4 ? 1 + random.nextInt(2) : 3 + random.nextInt(roll < 7 ? 10 : 200);
    }

    /** Parts and their total, e.g. residence titles of one Gemeinde. */
    static ProtectedTable oneDimensional(long seed) {
        Random random = new Random(seed);
        ProtectedTable.Builder t = ProtectedTable.builder("1-D seed " + seed);
        int parts = 2 + random.nextInt(7);
        long total = 0;
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            long v = count(random);
            total += v;
            keys.add("Teil " + i);
            t.cell(TableCell.own("Teil " + i, v, RULE));
        }
        t.cell(TableCell.own("Insgesamt", total, RULE));
        t.relation("Insgesamt", keys);
        return t.build();
    }

    /** Rows by columns with row totals, column totals and the grand total, e.g. Gemeinden by residence title. */
    static ProtectedTable twoDimensional(long seed) {
        Random random = new Random(seed);
        int rows = 2 + random.nextInt(4);
        int columns = 2 + random.nextInt(4);
        long[][] v = new long[rows + 1][columns + 1];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                v[r][c] = count(random);
                v[r][columns] += v[r][c];
                v[rows][c] += v[r][c];
                v[rows][columns] += v[r][c];
            }
        }
        ProtectedTable.Builder t = ProtectedTable.builder("2-D seed " + seed);
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= columns; c++) {
                t.cell(TableCell.own(key(r, c, rows, columns), v[r][c], RULE));
            }
        }
        for (int r = 0; r <= rows; r++) {
            List<String> parts = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                parts.add(key(r, c, rows, columns));
            }
            t.relation(key(r, columns, rows, columns), parts);
        }
        for (int c = 0; c <= columns; c++) {
            List<String> parts = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                parts.add(key(r, c, rows, columns));
            }
            t.relation(key(rows, c, rows, columns), parts);
        }
        return t.build();
    }

    private static String key(int r, int c, int rows, int columns) {
        return (r == rows ? "Summe" : "Zeile " + r) + " / " + (c == columns ? "Summe" : "Spalte " + c);
    }

    /**
     * A Kreis with its Gemeinden, some divided into areas, by sex (männlich + weiblich = insgesamt in every region;
     * the areas add up to their Gemeinde and the Gemeinden to the Kreis for each sex). The Kreis's figures are
     * sometimes the office's own (published, never primarily suppressed).
     */
    static ProtectedTable kreisOfGemeinden(long seed) {
        Random random = new Random(seed);
        ProtectedTable.Builder t = ProtectedTable.builder("Kreis/Gemeinden seed " + seed);
        String[] sexes = {"männlich", "weiblich"};
        int gemeinden = 2 + random.nextInt(4);
        long[][] kreis = new long[1][2];
        List<String> gemeindeKeys = new ArrayList<>();
        List<Runnable> relations = new ArrayList<>();
        for (int g = 0; g < gemeinden; g++) {
            String gemeinde = "Gemeinde " + g;
            gemeindeKeys.add(gemeinde);
            int areas = random.nextInt(3) == 0 ? 2 + random.nextInt(3) : 0;
            long[] sums = new long[2];
            List<String> areaKeys = new ArrayList<>();
            for (int a = 0; a < areas; a++) {
                String area = gemeinde + " Gebiet " + a;
                areaKeys.add(area);
                long[] byArea = {count(random), count(random)};
                region(t, area, byArea);
                sums[0] += byArea[0];
                sums[1] += byArea[1];
            }
            if (areas == 0) {
                sums = new long[] {count(random), count(random)};
            }
            region(t, gemeinde, sums);
            kreis[0][0] += sums[0];
            kreis[0][1] += sums[1];
            if (areas > 0) {
                relations.add(() -> {
                    for (String s : new String[] {sexes[0], sexes[1], "insgesamt"}) {
                        t.relation(
                                gemeinde + ", " + s,
                                areaKeys.stream().map(k -> k + ", " + s).toList());
                    }
                });
            }
        }
        boolean office = random.nextBoolean();
        for (int s = 0; s < 2; s++) {
            t.cell(
                    office
                            ? TableCell.office("Kreis, " + sexes[s], kreis[0][s])
                            : TableCell.own("Kreis, " + sexes[s], kreis[0][s], RULE));
        }
        long all = kreis[0][0] + kreis[0][1];
        t.cell(office ? TableCell.office("Kreis, insgesamt", all) : TableCell.own("Kreis, insgesamt", all, RULE));
        t.relation("Kreis, insgesamt", List.of("Kreis, männlich", "Kreis, weiblich"));
        for (String s : new String[] {sexes[0], sexes[1], "insgesamt"}) {
            t.relation(
                    "Kreis, " + s, gemeindeKeys.stream().map(k -> k + ", " + s).toList());
        }
        relations.forEach(Runnable::run);
        return t.build();
    }

    private static void region(ProtectedTable.Builder t, String region, long[] bySex) {
        t.cell(TableCell.own(region + ", männlich", bySex[0], RULE));
        t.cell(TableCell.own(region + ", weiblich", bySex[1], RULE));
        t.cell(TableCell.own(region + ", insgesamt", bySex[0] + bySex[1], RULE));
        t.relation(region + ", insgesamt", List.of(region + ", männlich", region + ", weiblich"));
    }
}

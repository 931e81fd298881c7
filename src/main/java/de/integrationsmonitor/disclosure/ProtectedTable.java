package de.integrationsmonitor.disclosure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table as disclosure control sees it: cells and the linear relations between them that a reader of the
 * publication knows (one table, or all tables published together in one output). Built with {@link #builder}.
 */
public record ProtectedTable(String name, List<TableCell> cells, List<Relation> relations) {

    public ProtectedTable {
        cells = List.copyOf(cells);
        relations = List.copyOf(relations);
        for (Relation r : relations) {
            for (int i : r.parts()) {
                check(i, cells.size());
            }
            check(r.total(), cells.size());
        }
    }

    private static void check(int index, int size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("relation names cell " + index + " of " + size);
        }
    }

    public int index(String key) {
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("table " + name + " has no cell " + key);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Collects cells by key and relations between keys. */
    public static final class Builder {
        private final String name;
        private final Map<String, Integer> index = new LinkedHashMap<>();
        private final List<TableCell> cells = new ArrayList<>();
        private final List<Relation> relations = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder cell(TableCell cell) {
            if (index.putIfAbsent(cell.key(), cells.size()) != null) {
                throw new IllegalArgumentException("table " + name + " has cell " + cell.key() + " twice");
            }
            cells.add(cell);
            return this;
        }

        public boolean has(String key) {
            return index.containsKey(key);
        }

        /** The total equals the sum of the parts. */
        public Builder relation(String total, List<String> parts) {
            relations.add(new Relation(at(total), parts.stream().map(this::at).toList()));
            return this;
        }

        /**
         * The relation, only when the known values add up exactly (or a cell is an office secret): figures that were
         * rounded one by one (an office's multiples of 5) give no exact equation an outsider could use.
         *
         * @return whether the relation was added
         */
        public boolean relationIfItAddsUp(String total, List<String> parts) {
            Optional<BigDecimal> t = cells.get(at(total)).value();
            BigDecimal sum = BigDecimal.ZERO;
            for (String p : parts) {
                Optional<BigDecimal> v = cells.get(at(p)).value();
                if (v.isEmpty()) {
                    relation(total, parts);
                    return true;
                }
                sum = sum.add(v.get());
            }
            if (t.isPresent() && t.get().compareTo(sum) != 0) {
                return false;
            }
            relation(total, parts);
            return true;
        }

        private int at(String key) {
            Integer i = index.get(key);
            if (i == null) {
                throw new IllegalArgumentException("table " + name + " has no cell " + key);
            }
            return i;
        }

        public ProtectedTable build() {
            return new ProtectedTable(name, cells, relations);
        }
    }
}

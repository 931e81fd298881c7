package de.integrationsmonitor.disclosure;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The result of disclosure control for one table: the status of every cell, in the table's order. Its
 * {@link #canonical} text is what a report version records and what its SHA-256 is taken over.
 */
public record SuppressionPattern(ProtectedTable table, List<CellStatus> statuses) {

    public SuppressionPattern {
        statuses = List.copyOf(statuses);
        if (statuses.size() != table.cells().size()) {
            throw new IllegalArgumentException("a status per cell");
        }
    }

    public CellStatus status(String key) {
        return statuses.get(table.index(key));
    }

    public long count(CellStatus status) {
        return statuses.stream().filter(s -> s == status).count();
    }

    /** Keys of the cells with this status, in the table's order. */
    public List<String> keys(CellStatus status) {
        return java.util.stream.IntStream.range(0, statuses.size())
                .filter(i -> statuses.get(i) == status)
                .mapToObj(i -> table.cells().get(i).key())
                .toList();
    }

    /** Keys of the cells an outsider does not see (suppressed or office secret), by key. */
    public Map<String, CellStatus> hidden() {
        return java.util.stream.IntStream.range(0, statuses.size())
                .filter(i -> statuses.get(i).hidden())
                .boxed()
                .collect(Collectors.toMap(
                        i -> table.cells().get(i).key(), statuses::get, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** One line per suppressed cell, "table<TAB>key<TAB>PRIMARY|SECONDARY", in the table's order. */
    public String canonical() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < statuses.size(); i++) {
            if (statuses.get(i).suppressed()) {
                text.append(table.name())
                        .append('\t')
                        .append(table.cells().get(i).key())
                        .append('\t')
                        .append(statuses.get(i))
                        .append('\n');
            }
        }
        return text.toString();
    }
}

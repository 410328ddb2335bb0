package org.metrofabric.p4sim.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a target needs beyond the P4Info, keyed by P4Info names.
 *
 * @param selectorAlgorithms action selector (action profile name) -> hash algorithm ({@link Hashes} names)
 * @param tableDefaults table -> initial default action and whether it is const; a table absent here starts
 *        with {@code NoAction}
 * @param constEntries table -> its {@code const entries} in program order (the first one wins)
 * @param selectorWidths table -> bit widths of its {@code selector} key elements, in key order
 * @param selectorKeyPositions table -> index in the table's full key (P4 source order, match fields and
 *        selector elements together) of each selector element; absent means the selector elements follow
 *        all match fields
 */
public record PipelineExtras(
        Map<String, String> selectorAlgorithms,
        Map<String, TableDefaults> tableDefaults,
        Map<String, List<ConstEntry>> constEntries,
        Map<String, List<Integer>> selectorWidths,
        Map<String, List<Integer>> selectorKeyPositions) {

    public PipelineExtras {
        selectorAlgorithms = Map.copyOf(selectorAlgorithms);
        tableDefaults = Map.copyOf(tableDefaults);
        constEntries = copyLists(constEntries);
        selectorWidths = copyLists(selectorWidths);
        selectorKeyPositions = copyLists(selectorKeyPositions);
    }

    public static PipelineExtras empty() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    private static <T> Map<String, List<T>> copyLists(Map<String, List<T>> map) {
        Map<String, List<T>> copy = new HashMap<>();
        map.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        return Map.copyOf(copy);
    }

    /** Collects the extras table by table. */
    public static final class Builder {
        private final Map<String, String> selectorAlgorithms = new HashMap<>();
        private final Map<String, TableDefaults> tableDefaults = new HashMap<>();
        private final Map<String, List<ConstEntry>> constEntries = new HashMap<>();
        private final Map<String, List<Integer>> selectorWidths = new HashMap<>();
        private final Map<String, List<Integer>> selectorKeyPositions = new HashMap<>();

        private Builder() {
        }

        public Builder selectorAlgorithm(String actionProfile, String algorithm) {
            selectorAlgorithms.put(actionProfile, algorithm);
            return this;
        }

        public Builder tableDefault(String table, ActionCall action, boolean isConst) {
            tableDefaults.put(table, new TableDefaults(action, isConst));
            return this;
        }

        public Builder constEntries(String table, List<ConstEntry> entries) {
            constEntries.put(table, entries);
            return this;
        }

        public Builder selectorWidths(String table, List<Integer> widths) {
            selectorWidths.put(table, widths);
            return this;
        }

        public Builder selectorKeyPositions(String table, List<Integer> positions) {
            selectorKeyPositions.put(table, positions);
            return this;
        }

        public PipelineExtras build() {
            return new PipelineExtras(selectorAlgorithms, tableDefaults, constEntries, selectorWidths,
                    selectorKeyPositions);
        }
    }
}

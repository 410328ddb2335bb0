package org.metrofabric.p4sim.runtime;

import java.util.List;

/**
 * What identifies a table entry under P4Runtime: one {@link FieldMatch} per match field, in P4Info order
 * (wildcards as {@link FieldMatch#dontCare()}), and the priority (0 for tables without ternary, range or
 * optional fields).
 */
public record EntryKey(List<FieldMatch> matches, int priority) {
    public EntryKey {
        matches = List.copyOf(matches);
    }
}

package org.metrofabric.p4sim.runtime;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a table's {@code const entries}: one {@link FieldMatch} per P4Info match field (selector key
 * elements excluded), in P4Info order, and its action.
 */
public record ConstEntry(List<FieldMatch> matches, ActionCall action) {
    public ConstEntry {
        matches = List.copyOf(matches);
        Objects.requireNonNull(action, "action");
    }
}

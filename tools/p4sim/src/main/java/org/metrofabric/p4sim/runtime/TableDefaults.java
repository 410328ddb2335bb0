package org.metrofabric.p4sim.runtime;

import java.util.Objects;

/** A table's initial default action and whether the program declared it {@code const}. */
public record TableDefaults(ActionCall action, boolean isConst) {
    public TableDefaults {
        Objects.requireNonNull(action, "action");
    }
}

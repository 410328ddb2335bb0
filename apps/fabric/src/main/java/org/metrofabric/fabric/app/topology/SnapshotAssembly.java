package org.metrofabric.fabric.app.topology;

import java.util.List;
import org.metrofabric.fabric.api.FabricSnapshot;

/** A snapshot and what had to be left out of it, one sentence per problem, for the operator. */
public final class SnapshotAssembly {
    private final FabricSnapshot snapshot;
    private final List<String> problems;

    SnapshotAssembly(FabricSnapshot snapshot, List<String> problems) {
        this.snapshot = snapshot;
        this.problems = List.copyOf(problems);
    }

    public FabricSnapshot snapshot() {
        return snapshot;
    }

    public List<String> problems() {
        return problems;
    }
}

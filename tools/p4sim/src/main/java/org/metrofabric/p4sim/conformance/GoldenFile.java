package org.metrofabric.p4sim.conformance;

import java.util.List;

/** A parsed golden file: its name (for messages) and its commands in file order. */
public record GoldenFile(String name, List<GoldenCommand> commands) {
    public GoldenFile {
        commands = List.copyOf(commands);
    }
}

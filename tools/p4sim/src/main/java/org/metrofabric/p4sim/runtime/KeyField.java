package org.metrofabric.p4sim.runtime;

/** One match field of a table as the P4Info declares it. */
public record KeyField(String name, int bitwidth, MatchKind kind) {
}

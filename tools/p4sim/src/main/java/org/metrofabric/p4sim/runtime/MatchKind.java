package org.metrofabric.p4sim.runtime;

/** The P4Runtime match kinds a v1model table key element can have. */
public enum MatchKind {
    EXACT, LPM, TERNARY, RANGE, OPTIONAL
}

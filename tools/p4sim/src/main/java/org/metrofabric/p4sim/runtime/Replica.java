package org.metrofabric.p4sim.runtime;

/** One copy made by the replication engine: the egress port and the replica id ({@code egress_rid}). */
public record Replica(int port, int rid) {
}

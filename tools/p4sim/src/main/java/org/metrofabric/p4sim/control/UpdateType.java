package org.metrofabric.p4sim.control;

/** The P4Runtime write operations. */
public enum UpdateType {
    INSERT, MODIFY, DELETE
}

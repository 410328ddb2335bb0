package org.metrofabric.p4sim.ir;

/** Parameter direction; NONE is a directionless parameter (action data from the control plane). */
public enum Direction {
    NONE, IN, OUT, INOUT;

    /** Whether a callee may write the parameter. */
    public boolean writable() {
        return this == OUT || this == INOUT;
    }
}

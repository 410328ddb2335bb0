package org.metrofabric.p4sim.interp;

/** A packet hit something BMv2 has no defined P4 outcome for (e.g. a stack index out of range); it is dropped. */
public final class P4RuntimeError extends RuntimeException {
    public P4RuntimeError(String message) {
        super(message);
    }
}

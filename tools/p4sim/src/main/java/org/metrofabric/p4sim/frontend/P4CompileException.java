package org.metrofabric.p4sim.frontend;

import org.metrofabric.p4sim.ir.SourceLocation;

/** A P4 program was rejected; the message starts with file:line:column of the offending construct. */
public final class P4CompileException extends RuntimeException {
    private final SourceLocation location;
    private final String reason;

    public P4CompileException(SourceLocation location, String reason) {
        super(location + ": error: " + reason);
        this.location = location;
        this.reason = reason;
    }

    public SourceLocation location() {
        return location;
    }

    /** What is wrong, without the location prefix. */
    public String reason() {
        return reason;
    }
}

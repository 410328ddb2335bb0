package org.metrofabric.p4sim.interp;

/** Thrown inside a parser to stop it with a P4 error; preallocated per error, no stack trace. */
final class ParserErrorSignal extends RuntimeException {
    final int errorNumber;
    final String errorName;

    ParserErrorSignal(int errorNumber, String errorName) {
        super(errorName, null, false, false);
        this.errorNumber = errorNumber;
        this.errorName = errorName;
    }
}

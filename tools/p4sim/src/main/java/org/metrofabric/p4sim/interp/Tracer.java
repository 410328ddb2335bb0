package org.metrofabric.p4sim.interp;

import java.math.BigInteger;
import java.util.List;

/** Receives the path of a packet, BMv2-log style; all methods default to doing nothing. */
public interface Tracer {
    default void parserState(String parser, String state) { }

    default void parserError(String error) { }

    /** A table lookup; {@code action} is null when no action ran (empty selector group). */
    default void tableApplied(String table, boolean hit, String action, List<String> paramNames,
                              List<BigInteger> args) { }

    default void actionRun(String action) { }

    default void pipeline(String stage) { }

    default void note(String text) { }
}

package org.metrofabric.p4sim.interp;

/** A compiled statement; {@link #run} says how control continues. */
@FunctionalInterface
public interface Exec {
    int NORMAL = 0;
    /** A return statement: ends the current action or control. */
    int RETURN = 1;
    /** An exit statement: ends the whole block the architecture called. */
    int EXIT = 2;

    int run(Frame f);
}

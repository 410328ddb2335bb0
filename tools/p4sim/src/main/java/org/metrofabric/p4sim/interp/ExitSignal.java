package org.metrofabric.p4sim.interp;

/** An exit statement ran inside an action applied from an expression (t.apply().hit); ends the control. */
final class ExitSignal extends RuntimeException {
    static final ExitSignal INSTANCE = new ExitSignal();

    private ExitSignal() {
        super("exit", null, false, false);
    }
}

package org.metrofabric.emulator.scenario;

/** A timed change to the fabric: a link between two switches, a whole switch, or one switch port goes down or up. */
public sealed interface ScenarioEvent {
    long atNanos();

    /** Whether this event takes something down (a failure) rather than restoring it. */
    boolean isFailure();

    /** The event as the report prints it, e.g. "switch spine1 down". */
    String describe();

    /** The link between switches {@code a} and {@code b}. */
    record LinkEvent(long atNanos, String a, String b, boolean up) implements ScenarioEvent {
        @Override
        public boolean isFailure() {
            return !up;
        }

        @Override
        public String describe() {
            return "link " + a + "-" + b + (up ? " up" : " down");
        }
    }

    /** The whole switch: down means it dies with all its links, up that it comes back. */
    record SwitchEvent(long atNanos, String device, boolean up) implements ScenarioEvent {
        @Override
        public boolean isFailure() {
            return !up;
        }

        @Override
        public String describe() {
            return "switch " + device + (up ? " up" : " down");
        }
    }

    /** One port of a switch (its cable is pulled or plugged back). */
    record PortEvent(long atNanos, String device, int port, boolean up) implements ScenarioEvent {
        @Override
        public boolean isFailure() {
            return !up;
        }

        @Override
        public String describe() {
            return "port " + device + "/" + port + (up ? " up" : " down");
        }
    }
}

package org.metrofabric.emulator.scenario;

/**
 * A path intent as the controller reports it: its state (INSTALLED, DEGRADED, REJECTED), the
 * spine it is pinned to and the latency the planner computed for that path (both null unless
 * installed), and the reason when it is not installed (with the constraint, e.g. LATENCY).
 */
public record IntentReport(String name, String state, String spine, Long computedLatencyNanos,
                           String constraint, String reason) {
}

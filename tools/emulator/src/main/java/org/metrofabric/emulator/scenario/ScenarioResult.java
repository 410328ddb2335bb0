package org.metrofabric.emulator.scenario;

import java.util.List;
import java.util.Optional;
import org.metrofabric.emulator.hosts.FlowReport;
import org.metrofabric.emulator.scenario.Scenario.FlowSpec;

/** What a scenario run produced: everything the report prints and the expectations were judged on. */
public record ScenarioResult(Scenario scenario, String mode, Optional<Reachability> reachability,
                             List<IntentOutcome> intents, List<FlowOutcome> flows, List<FailureOutcome> failures,
                             List<ExpectationResult> expectations, long simulatedEvents, long wallMillis) {

    /** Whether every expectation held. */
    public boolean passed() {
        return expectations.stream().allMatch(ExpectationResult::passed);
    }

    public long failedExpectations() {
        return expectations.stream().filter(e -> !e.passed()).count();
    }

    /** All-pairs ping: how many ordered host pairs (of them, on different leaves) got at least one reply, and which did not. */
    public record Reachability(int hosts, int pairs, int reachablePairs, int crossLeafPairs, int crossLeafReachable,
                               long requestsSent, long repliesReceived, long maxRttNanos, List<String> unreachable) {
        public boolean complete() {
            return reachablePairs == pairs;
        }

        /** Whether every pair of hosts on different leaves answered. */
        public boolean completeBetweenLeaves() {
            return crossLeafReachable == crossLeafPairs;
        }
    }

    /**
     * A path intent: what the controller answered on submission, how it changed after each event
     * (re-planned, degraded, restored), where it stands at the end (empty if the controller does
     * not hold it), and the one-way latency measured by the flows between its endpoints (empty
     * without such a flow).
     */
    public record IntentOutcome(String command, IntentReport submitted, List<IntentChange> changes,
                                Optional<IntentReport> atEnd, List<String> measuringFlows, Optional<FlowReport> measured) {
        /** The status to judge: the controller's current one, else the answer on submission. */
        public IntentReport current() {
            return atEnd.orElse(submitted);
        }

        /** The highest latency computed for any path the intent was on; null if never installed. */
        public Long computedLatencyNanos() {
            Long highest = submitted.computedLatencyNanos();
            for (IntentChange change : changes) {
                Long latency = change.status().map(IntentReport::computedLatencyNanos).orElse(null);
                if (latency != null && (highest == null || latency > highest)) {
                    highest = latency;
                }
            }
            return highest;
        }
    }

    /** An intent's status right after an event changed it (empty: the controller no longer holds it). */
    public record IntentChange(long atNanos, String event, Optional<IntentReport> status) {
    }

    /**
     * One test flow: sender and receiver figures, and how many routers its packets crossed
     * (sent TTL minus received TTL; -1 when nothing arrived).
     */
    public record FlowOutcome(FlowSpec spec, FlowReport report, boolean crossesLeaves, int minHops, int maxHops,
                              long lastArrivalNanos) {
        /** Routers a packet must cross: leaf, spine, leaf between leaves; the one leaf within a leaf. */
        public int expectedHops() {
            return crossesLeaves ? 3 : 1;
        }
    }

    /** A failure event and what it did to each flow sending at the time. */
    public record FailureOutcome(long atNanos, String event, List<FlowRecovery> flows) {
    }

    /**
     * A flow across a failure: the packets it lost from just before the failure to the next event,
     * and {@code recoveryNanos}, the time from the failure until the first packet after the last
     * lost one was sent: 0 when only packets already in flight were lost (or none), empty when no
     * later packet arrived. The receiver's view is the flow's longest gap.
     */
    public record FlowRecovery(String flow, long lost, Optional<Long> recoveryNanos) {
        public boolean interrupted() {
            return lost > 0;
        }
    }

    /** One expectation judged: whether it held, and the figures it was judged on. */
    public record ExpectationResult(String description, boolean passed, String detail) {
    }
}

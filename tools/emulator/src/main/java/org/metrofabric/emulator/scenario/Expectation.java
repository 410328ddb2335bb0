package org.metrofabric.emulator.scenario;

import org.metrofabric.fabric.api.IntentState;

/** Something that must hold when a scenario ends; the {@code kind} field of a scenario expectation picks one. */
public sealed interface Expectation {
    /** The expectation as the report prints it. */
    String describe();

    /**
     * Every host got at least one ping reply from every other host ({@code betweenLeavesOnly}: from
     * every host on another leaf, which is what the fabric routes; hosts on one leaf resolve each
     * other by ARP, which metro.p4 punts to the controller).
     */
    record AllPairsReachable(boolean betweenLeavesOnly) implements Expectation {
        public static final String KIND = "all-pairs-reachable";
        public static final String SCOPE_ALL = "all";
        public static final String SCOPE_BETWEEN_LEAVES = "between-leaves";

        @Override
        public String describe() {
            return betweenLeavesOnly ? "every host reaches every host on another leaf" : "every host reaches every other host";
        }
    }

    /** The intent ended in {@code state}; for a rejection, optionally for the given constraint (e.g. LATENCY). */
    record IntentStateIs(String intent, IntentState state, String constraint) implements Expectation {
        public static final String KIND = "intent-state";

        @Override
        public String describe() {
            return "intent " + intent + " is " + state + (constraint == null ? "" : " (" + constraint + ")");
        }
    }

    /** The flow lost at most {@code maxLost} packets. */
    record FlowLoss(String flow, long maxLost) implements Expectation {
        public static final String KIND = "flow-loss";

        @Override
        public String describe() {
            return "flow " + flow + " loses at most " + maxLost + " packets";
        }
    }

    /** The flow's p99 or max one-way latency is within the intent's computed latency plus a queueing allowance. */
    record FlowLatency(String flow, String intent, LatencyMetric metric, long allowanceNanos) implements Expectation {
        public static final String KIND = "flow-latency";

        @Override
        public String describe() {
            return "flow " + flow + " " + metric.label() + " latency <= computed latency of " + intent + " + "
                    + Durations.format(allowanceNanos);
        }
    }

    /** After a failure the flow went no longer than {@code maxGapNanos} without a packet. */
    record Recovery(String flow, long maxGapNanos) implements Expectation {
        public static final String KIND = "recovery";

        @Override
        public String describe() {
            return "flow " + flow + " is never cut for more than " + Durations.format(maxGapNanos);
        }
    }

    /** Every packet of every flow crossed exactly one spine (three routers between leaves, one within a leaf). */
    record NoLeafTransit() implements Expectation {
        public static final String KIND = "no-leaf-transit";

        @Override
        public String describe() {
            return "every flow packet crosses exactly one spine between leaves (no leaf transit)";
        }
    }

    /** Which latency figure a {@link FlowLatency} checks. */
    enum LatencyMetric {
        P99("p99"), MAX("max");

        private final String label;

        LatencyMetric(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}

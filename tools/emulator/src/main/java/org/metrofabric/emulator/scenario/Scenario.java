package org.metrofabric.emulator.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.metrofabric.emulator.hosts.TrafficPattern;
import org.metrofabric.fabric.api.PathIntent;
import org.metrofabric.topology.model.Topology;

/**
 * A validated scenario: a topology, path intents in the CLI syntax, test traffic, timed failure
 * and recovery events, and what must hold at the end. Every time is virtual ns from the start.
 * Read one with {@link ScenarioReader}.
 */
public record Scenario(String name, Path topologyFile, Topology topology, long seed, long durationNanos,
                       List<IntentSpec> intents, Optional<PingSpec> ping, List<FlowSpec> flows,
                       List<ScenarioEvent> events, List<Expectation> expectations) {
    public Scenario {
        intents = List.copyOf(intents);
        flows = List.copyOf(flows);
        events = List.copyOf(events);
        expectations = List.copyOf(expectations);
    }

    /** A path intent as written (the command) and as parsed; submitted at time 0. */
    public record IntentSpec(String command, PathIntent intent) {
    }

    /** Every host pings every other host {@code count} times, {@code intervalNanos} apart, from {@code startNanos}. */
    public record PingSpec(long startNanos, int count, long intervalNanos) {
    }

    /** A UDP test flow from one host to another, sent by {@code pattern} from start for the duration. */
    public record FlowSpec(String name, int flowId, String from, String to, int payloadBytes, int dscp,
                           TrafficPattern pattern, long startNanos, long durationNanos) {
        public long endNanos() {
            return startNanos + durationNanos;
        }

        /** Whether the flow is sending at {@code timeNanos}. */
        public boolean activeAt(long timeNanos) {
            return timeNanos >= startNanos && timeNanos < endNanos();
        }
    }

    /** The flow named {@code name}. */
    public Optional<FlowSpec> flow(String name) {
        return flows.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The intent named {@code name}. */
    public Optional<IntentSpec> intent(String name) {
        return intents.stream().filter(i -> i.intent().name().equals(name)).findFirst();
    }
}

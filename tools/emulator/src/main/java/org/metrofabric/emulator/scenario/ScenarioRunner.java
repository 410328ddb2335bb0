package org.metrofabric.emulator.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.metrofabric.emulator.clock.Scheduler;
import org.metrofabric.emulator.fabric.Fabric;
import org.metrofabric.emulator.hosts.FlowReport;
import org.metrofabric.emulator.hosts.FlowStats;
import org.metrofabric.emulator.hosts.Host;
import org.metrofabric.emulator.hosts.PingSession;
import org.metrofabric.emulator.hosts.UdpFlow;
import org.metrofabric.emulator.hosts.UdpSender;
import org.metrofabric.emulator.net.Link;
import org.metrofabric.emulator.scenario.Scenario.FlowSpec;
import org.metrofabric.emulator.scenario.Scenario.IntentSpec;
import org.metrofabric.emulator.scenario.ScenarioResult.FailureOutcome;
import org.metrofabric.emulator.scenario.ScenarioResult.FlowOutcome;
import org.metrofabric.emulator.scenario.ScenarioResult.FlowRecovery;
import org.metrofabric.emulator.scenario.ScenarioResult.IntentChange;
import org.metrofabric.emulator.scenario.ScenarioResult.IntentOutcome;
import org.metrofabric.emulator.scenario.ScenarioResult.Reachability;
import org.metrofabric.fabric.api.Endpoint;
import org.metrofabric.p4sim.P4Sim;
import org.onlab.packet.IpAddress;

/**
 * Runs a {@link Scenario} on the virtual clock: builds the fabric from the topology, hands it to
 * a {@link FabricControl} (which programs it), submits the intents at time 0, schedules the
 * pings and flows, runs the clock from event to event (applying each while the clock is paused
 * and letting the control settle) to the scenario's end, and judges the expectations.
 */
public final class ScenarioRunner {
    /** UDP destination port of every scenario flow. */
    private static final int FLOW_DST_PORT = 5_001;
    private static final int FLOW_SRC_PORT_BASE = 10_000;
    /** Packets sent this long before a failure may still be on the failed path (metro one-way latencies are below it). */
    private static final long IN_FLIGHT_NANOS = 1_000_000L;

    private final P4Sim.LoadedPipeline pipeline;
    private final Function<Fabric, FabricControl> controls;

    /**
     * @param pipeline the compiled metro.p4 every switch runs
     * @param controls makes the control for a freshly built fabric
     */
    public ScenarioRunner(P4Sim.LoadedPipeline pipeline, Function<Fabric, FabricControl> controls) {
        this.pipeline = pipeline;
        this.controls = controls;
    }

    public ScenarioResult run(Scenario scenario) {
        long wallStart = System.nanoTime();
        Fabric fabric = Fabric.builder(scenario.topology(), pipeline).seed(scenario.seed()).build();
        Scheduler scheduler = fabric.scheduler();
        try (FabricControl control = controls.apply(fabric)) {
            Map<String, IntentReport> submitted = new LinkedHashMap<>();
            for (IntentSpec spec : scenario.intents()) {
                submitted.put(spec.intent().name(), control.submit(spec.intent()));
            }
            List<PingSession> pings = new ArrayList<>();
            List<String[]> pingPairs = new ArrayList<>();
            scenario.ping().ifPresent(ping -> scheduler.at(ping.startNanos(), () -> {
                for (Host src : fabric.hosts().values()) {
                    for (Host dst : fabric.hosts().values()) {
                        if (src != dst) {
                            pings.add(src.ping(dst.ip(), ping.count(), ping.intervalNanos()));
                            pingPairs.add(new String[] {src.name(), dst.name()});
                        }
                    }
                }
            }));
            Map<String, UdpSender> senders = new LinkedHashMap<>();
            for (FlowSpec flow : scenario.flows()) {
                UdpFlow udp = new UdpFlow(flow.flowId(), fabric.host(flow.to()).ip(), FLOW_SRC_PORT_BASE + flow.flowId(),
                        FLOW_DST_PORT, flow.payloadBytes(), flow.dscp(), flow.pattern(), flow.startNanos(), 0);
                UdpSender sender = fabric.host(flow.from()).send(udp);
                scheduler.at(flow.endNanos(), sender::stop);
                senders.put(flow.name(), sender);
            }
            Map<String, List<IntentChange>> changes = new LinkedHashMap<>();
            Map<String, Optional<IntentReport>> known = new LinkedHashMap<>();
            for (IntentSpec spec : scenario.intents()) {
                String name = spec.intent().name();
                changes.put(name, new ArrayList<>());
                known.put(name, control.status(name));
            }
            long events = 0;
            for (ScenarioEvent event : scenario.events()) {
                events += scheduler.runUntil(event.atNanos());
                apply(event, fabric, control);
                control.settle();
                for (IntentSpec spec : scenario.intents()) {
                    String name = spec.intent().name();
                    Optional<IntentReport> now = control.status(name);
                    if (!now.equals(known.get(name))) {
                        changes.get(name).add(new IntentChange(event.atNanos(), event.describe(), now));
                        known.put(name, now);
                    }
                }
            }
            events += scheduler.runUntil(scenario.durationNanos());

            Optional<Reachability> reachability = scenario.ping().map(p -> reachability(scenario, pings, pingPairs));
            List<FlowOutcome> flows = new ArrayList<>();
            for (FlowSpec flow : scenario.flows()) {
                flows.add(flowOutcome(scenario, fabric, flow, senders.get(flow.name())));
            }
            List<IntentOutcome> intents = new ArrayList<>();
            for (IntentSpec spec : scenario.intents()) {
                String name = spec.intent().name();
                intents.add(intentOutcome(scenario, spec, submitted.get(name), changes.get(name), control.status(name), flows));
            }
            List<FailureOutcome> failures = failures(scenario, fabric, senders);
            ScenarioResult partial = new ScenarioResult(scenario, control.mode(), reachability, intents, flows, failures,
                    List.of(), events, 0);
            return new ScenarioResult(scenario, control.mode(), reachability, intents, flows, failures,
                    new ExpectationJudge(partial).judgeAll(), events, (System.nanoTime() - wallStart) / 1_000_000);
        }
    }

    private static void apply(ScenarioEvent event, Fabric fabric, FabricControl control) {
        if (event instanceof ScenarioEvent.LinkEvent link) {
            setUp(fabric.link(link.a(), link.b()), link.up());
        } else if (event instanceof ScenarioEvent.PortEvent port) {
            setUp(fabric.network().linkAt(fabric.switchNode(port.device()), port.port()).orElseThrow(() ->
                    new IllegalStateException("nothing is connected to " + port.device() + " port " + port.port())),
                    port.up());
        } else if (event instanceof ScenarioEvent.SwitchEvent sw) {
            if (sw.up()) {
                control.switchUp(sw.device());
            } else {
                control.switchDown(sw.device());
            }
        }
    }

    private static void setUp(Link link, boolean up) {
        if (up) {
            link.up();
        } else {
            link.down();
        }
    }

    private static Reachability reachability(Scenario scenario, List<PingSession> pings, List<String[]> pairs) {
        int reachable = 0;
        int crossLeaf = 0;
        int crossLeafReachable = 0;
        long sent = 0;
        long replies = 0;
        long maxRtt = 0;
        List<String> unreachable = new ArrayList<>();
        for (int i = 0; i < pings.size(); i++) {
            PingSession ping = pings.get(i);
            String src = pairs.get(i)[0];
            String dst = pairs.get(i)[1];
            boolean betweenLeaves = !leafOf(scenario, src).equals(leafOf(scenario, dst));
            sent += ping.sent();
            replies += ping.received();
            for (long rtt : ping.rttNanos()) {
                maxRtt = Math.max(maxRtt, rtt);
            }
            if (betweenLeaves) {
                crossLeaf++;
            }
            if (ping.received() > 0) {
                reachable++;
                if (betweenLeaves) {
                    crossLeafReachable++;
                }
            } else {
                unreachable.add(src + "->" + dst + (betweenLeaves ? "" : " (same leaf)"));
            }
        }
        return new Reachability(scenario.topology().hosts().size(), pings.size(), reachable, crossLeaf, crossLeafReachable,
                sent, replies, maxRtt, unreachable);
    }

    private static FlowOutcome flowOutcome(Scenario scenario, Fabric fabric, FlowSpec flow, UdpSender sender) {
        FlowStats stats = fabric.host(flow.to()).flowStats(flow.flowId());
        FlowReport report = FlowReport.of(sender, stats);
        boolean crossesLeaves = !leafOf(scenario, flow.from()).equals(leafOf(scenario, flow.to()));
        int minHops = stats.maxTtl() < 0 ? -1 : Host.DEFAULT_TTL - stats.maxTtl();
        int maxHops = stats.minTtl() < 0 ? -1 : Host.DEFAULT_TTL - stats.minTtl();
        return new FlowOutcome(flow, report, crossesLeaves, minHops, maxHops, stats.lastArrivalNanos());
    }

    private static String leafOf(Scenario scenario, String host) {
        return scenario.topology().hosts().stream().filter(h -> h.name().equals(host)).findFirst().orElseThrow().leaf();
    }

    private static IntentOutcome intentOutcome(Scenario scenario, IntentSpec spec, IntentReport submitted,
                                               List<IntentChange> changes, Optional<IntentReport> atEnd,
                                               List<FlowOutcome> flows) {
        List<FlowOutcome> measuring = flows.stream()
                .filter(f -> matches(scenario, spec.intent().user(), f.spec().from())
                        && matches(scenario, spec.intent().cloud(), f.spec().to()))
                .toList();
        return new IntentOutcome(spec.command(), submitted, changes, atEnd, measuring.stream().map(f -> f.spec().name()).toList(),
                measuring.stream().findFirst().map(FlowOutcome::report));
    }

    /** Whether host {@code hostName} is (inside) the intent endpoint. */
    private static boolean matches(Scenario scenario, Endpoint endpoint, String hostName) {
        if (endpoint.isHost()) {
            return endpoint.hostName().equals(hostName);
        }
        return scenario.topology().hosts().stream().filter(h -> h.name().equals(hostName)).findFirst()
                .map(h -> endpoint.prefix().contains(IpAddress.valueOf(h.ip().address()))).orElse(false);
    }

    /**
     * For each failure and each flow sending at the time: the packets lost that were sent from
     * {@link #IN_FLIGHT_NANOS} before the failure (they may have been on the failed path) up to the
     * next event, and when the first packet after the last of them was sent (the outage as the
     * sender saw it).
     */
    private static List<FailureOutcome> failures(Scenario scenario, Fabric fabric, Map<String, UdpSender> senders) {
        List<FailureOutcome> failures = new ArrayList<>();
        List<ScenarioEvent> events = scenario.events();
        for (int e = 0; e < events.size(); e++) {
            ScenarioEvent event = events.get(e);
            if (!event.isFailure()) {
                continue;
            }
            long at = event.atNanos();
            long windowStart = Math.max(e == 0 ? 0 : events.get(e - 1).atNanos(), at - IN_FLIGHT_NANOS);
            long windowEnd = e + 1 < events.size() ? events.get(e + 1).atNanos() : scenario.durationNanos();
            List<FlowRecovery> recoveries = new ArrayList<>();
            for (FlowSpec flow : scenario.flows()) {
                if (flow.activeAt(at)) {
                    recoveries.add(recovery(flow, senders.get(flow.name()).sent(),
                            fabric.host(flow.to()).flowStats(flow.flowId()), at, windowStart, windowEnd));
                }
            }
            failures.add(new FailureOutcome(at, event.describe(), recoveries));
        }
        return failures;
    }

    private static FlowRecovery recovery(FlowSpec flow, long sent, FlowStats stats, long at, long windowStart, long windowEnd) {
        long lost = 0;
        long lastLost = -1;
        for (long k = 0; k < sent; k++) {
            long sentAt = flow.startNanos() + flow.pattern().offsetNanos(k);
            if (sentAt >= windowEnd) {
                break;
            }
            if (sentAt >= windowStart && !stats.hasReceived(k)) {
                lost++;
                lastLost = k;
            }
        }
        if (lost == 0) {
            return new FlowRecovery(flow.name(), 0, Optional.of(0L));
        }
        for (long k = lastLost + 1; k < sent; k++) {
            if (stats.hasReceived(k)) {
                long sentAt = flow.startNanos() + flow.pattern().offsetNanos(k);
                return new FlowRecovery(flow.name(), lost, Optional.of(Math.max(0, sentAt - at)));
            }
        }
        return new FlowRecovery(flow.name(), lost, Optional.empty());
    }
}

package org.metrofabric.emulator.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metrofabric.emulator.clock.Scheduler;
import org.metrofabric.emulator.clock.SimTime;
import org.metrofabric.emulator.fabric.Fabric;
import org.metrofabric.emulator.hosts.FlowReport;
import org.metrofabric.emulator.serve.TrafficException.Kind;

/** The serve service on a fabric whose clock the test advances itself, so every count is exact. */
class HostTrafficTest {
    private final Fabric fabric;
    private final Scheduler scheduler;
    private final HostTraffic traffic;

    HostTrafficTest() throws Exception {
        fabric = ServeFixture.routedFabric();
        scheduler = fabric.scheduler();
        traffic = new HostTraffic(fabric, ServeFixture.callerThread());
    }

    private static FlowRequest flow(String name, String from, String to, Long rate, Long packets) {
        return new FlowRequest(name, from, to, rate, null, null, packets, null, null);
    }

    @Test
    void listsEveryHostWithItsAddressAndLeafPort() {
        List<HostInfo> hosts = traffic.hosts();
        assertEquals(fabric.topology().hosts().size(), hosts.size());
        assertEquals(new HostInfo("h1a", "10.1.1.10/24", "00:00:0a:01:01:0a", "leaf1", 3), hosts.get(0));
    }

    @Test
    void aFlowOfNPacketsDeliversAndCountsEachOnceAcrossLeaves() {
        FlowStatus started = traffic.startFlow(flow("f1", "h1a", "h3a", 1_000L, 50L));
        assertTrue(started.running());
        assertEquals(0, started.report().sent());
        assertTrue(started.text().endsWith("received 0, lost 0, dup 0, reordered 0, latency none (nothing received), "
                + "longest gap 0 ns"), "no latency before a packet arrives: " + started.text());
        assertTrue(TrafficJson.flow(started).get("latency").isNull(), TrafficJson.flow(started).toString());
        assertEquals(200, started.flow().payloadBytes(), "default size, as in scenarios");
        assertEquals(5_001, started.flow().dstPort());
        assertEquals(10_001, started.flow().srcPort(), "10000 + the first flow id");

        scheduler.runFor(SimTime.millis(100));

        FlowStatus done = traffic.flow("f1");
        FlowReport report = done.report();
        assertFalse(done.running(), "all 50 packets sent");
        assertEquals("stopped", done.state());
        assertEquals(50, report.sent());
        assertEquals(50, report.received());
        assertEquals(0, report.lost());
        assertEquals(0, report.duplicates());
        assertTrue(report.minLatencyNanos() > 0 && report.minLatencyNanos() <= report.p99LatencyNanos()
                && report.p99LatencyNanos() <= report.maxLatencyNanos(), report.toString());
        assertTrue(done.text().startsWith("f1 h1a->h3a (stopped, 1000 pps, 200 B, dscp 0): sent 50, received 50, "
                + "lost 0, dup 0, reordered 0, latency min/mean/p99/max "), done.text());
    }

    @Test
    void stoppingAFlowEndsItsSendingAndItsStatisticsStopChanging() {
        traffic.startFlow(flow("endless", "h1a", "h2a", 10_000L, null));
        scheduler.runFor(SimTime.millis(10));
        FlowStatus running = traffic.flow("endless");
        assertTrue(running.running());
        assertTrue(running.report().sent() >= 99, running.text());

        FlowStatus stopped = traffic.stopFlow("endless");
        assertFalse(stopped.running());
        long sent = stopped.report().sent();
        scheduler.runFor(SimTime.millis(50));

        FlowReport settled = traffic.flow("endless").report();
        assertEquals(sent, settled.sent(), "nothing sent after stop");
        assertEquals(sent, settled.received(), "packets in flight at stop still land");
        assertEquals(0, settled.lost());
        scheduler.runFor(SimTime.millis(50));
        assertEquals(settled, traffic.flow("endless").report(), "final");
        assertTrue(traffic.stopFlow("endless").report().equals(settled), "stopping again changes nothing");
    }

    @Test
    void flowsToOneHostAreCountedApartAndListedInStartOrder() {
        traffic.startFlow(flow("b", "h1a", "h3a", 1_000L, 10L));
        traffic.startFlow(new FlowRequest("a", "h2a", "h3a", 2_000L, 100, 46, 30L, 40_000, 6_000));
        scheduler.runFor(SimTime.millis(50));
        List<FlowStatus> flows = traffic.flows();
        assertEquals(List.of("b", "a"), flows.stream().map(FlowStatus::name).toList());
        assertEquals(10, flows.get(0).report().received());
        assertEquals(30, flows.get(1).report().received());
        assertEquals(46, flows.get(1).flow().dscp());
        assertEquals(40_000, flows.get(1).flow().srcPort());
        assertEquals(6_000, flows.get(1).flow().dstPort());
        assertEquals(100, flows.get(1).flow().payloadBytes());
    }

    @Test
    void aPingCompletesOnTheLoopsClockWithEveryReply() throws Exception {
        CompletableFuture<PingResult> ping = traffic.startPing("h1a", "h4b", 3, SimTime.millis(1));
        scheduler.runFor(SimTime.millis(2) + HostTraffic.PING_GRACE_NANOS - 1);
        assertFalse(ping.isDone(), "waits the grace period after the last request");
        scheduler.runFor(1);
        PingResult result = ping.getNow(null);
        assertEquals(3, result.sent());
        assertEquals(3, result.received());
        assertTrue(result.rttNanos().stream().allMatch(rtt -> rtt > 0), result.toString());
        assertTrue(result.text().startsWith("h1a -> h4b: 3 sent, 3 received, rtt min/mean/max "), result.text());
    }

    static Stream<Arguments> badFlows() {
        FlowRequest good = new FlowRequest("f", "h1a", "h3a", 1_000L, 200, 0, 10L, 10_000, 5_001);
        return Stream.of(
                Arguments.of(new FlowRequest(null, "h1a", "h3a", 1L, null, null, null, null, null), "name", "got nothing"),
                Arguments.of(new FlowRequest("two words", "h1a", "h3a", 1L, null, null, null, null, null), "name",
                        "got 'two words'"),
                Arguments.of(new FlowRequest("a/b", "h1a", "h3a", 1L, null, null, null, null, null), "name", "letters"),
                Arguments.of(new FlowRequest("f", null, "h3a", 1L, null, null, null, null, null), "from",
                        "a host name is required"),
                Arguments.of(new FlowRequest("f", "nobody", "h3a", 1L, null, null, null, null, null), "from",
                        "no host named nobody; hosts: h1a, "),
                Arguments.of(new FlowRequest("f", "h1a", "nobody", 1L, null, null, null, null, null), "to",
                        "no host named nobody"),
                Arguments.of(new FlowRequest("f", "h1a", "h1a", 1L, null, null, null, null, null), "to",
                        "two different hosts, both are h1a"),
                Arguments.of(new FlowRequest("f", "h1a", "h3a", null, null, null, null, null, null), "rate", "is required"),
                Arguments.of(with(good, "rate", 0), "rate", "must be 1..100000 packets per second, got 0"),
                Arguments.of(with(good, "rate", -5), "rate", "got -5"),
                Arguments.of(with(good, "rate", HostTraffic.MAX_RATE + 1), "rate", "got 100001"),
                Arguments.of(with(good, "size", 23), "size", "must be 24..1472 UDP payload bytes"),
                Arguments.of(with(good, "size", 1473), "size", "got 1473"),
                Arguments.of(with(good, "dscp", -1), "dscp", "must be 0..63, got -1"),
                Arguments.of(with(good, "dscp", 64), "dscp", "must be 0..63, got 64"),
                Arguments.of(with(good, "packets", -1), "packets", "(0 = until stopped), got -1"),
                Arguments.of(with(good, "packets", Integer.MAX_VALUE + 1L), "packets", "got 2147483648"),
                Arguments.of(with(good, "srcPort", 0), "srcPort", "must be 1..65535, got 0"),
                Arguments.of(with(good, "dstPort", 65_536), "dstPort", "must be 1..65535, got 65536"));
    }

    private static FlowRequest with(FlowRequest r, String field, long value) {
        return new FlowRequest(r.name(), r.from(), r.to(), field.equals("rate") ? value : r.rate(),
                field.equals("size") ? (int) value : r.size(), field.equals("dscp") ? (int) value : r.dscp(),
                field.equals("packets") ? value : r.packets(), field.equals("srcPort") ? (int) value : r.srcPort(),
                field.equals("dstPort") ? (int) value : r.dstPort());
    }

    @ParameterizedTest
    @MethodSource("badFlows")
    void aBadFlowFieldIsNamedAndNothingStarts(FlowRequest request, String field, String reason) {
        int pending = scheduler.pendingEvents();
        TrafficException e = assertThrows(TrafficException.class, () -> traffic.startFlow(request));
        assertEquals(Kind.INVALID, e.kind());
        assertEquals(field, e.field());
        assertTrue(e.getMessage().startsWith(field + ": ") && e.getMessage().contains(reason), e.getMessage());
        assertEquals(List.of(), traffic.flows());
        assertEquals(pending, scheduler.pendingEvents(), "no packet scheduled");
        FlowStatus next = traffic.startFlow(flow("ok", "h1a", "h3a", 1_000L, 1L));
        assertEquals(10_001, next.flow().srcPort(), "the refused flow used no flow id");
    }

    @Test
    void aFlowNameInUseIsAConflictEvenAfterTheFlowStopped() {
        traffic.startFlow(flow("f", "h1a", "h3a", 1_000L, 1L));
        scheduler.runFor(SimTime.millis(10));
        TrafficException e = assertThrows(TrafficException.class,
                () -> traffic.startFlow(flow("f", "h2a", "h3a", 5L, null)));
        assertEquals(Kind.CONFLICT, e.kind());
        assertEquals("name: a flow named f already exists (stopped); pick another name", e.getMessage());
        assertEquals("h1a", traffic.flow("f").from(), "the first flow is untouched");
    }

    @Test
    void anUnknownFlowIsNotFound() {
        traffic.startFlow(flow("f", "h1a", "h3a", 1_000L, 1L));
        TrafficException stop = assertThrows(TrafficException.class, () -> traffic.stopFlow("g"));
        assertEquals(Kind.NOT_FOUND, stop.kind());
        assertEquals("name: no flow named g; flows: f", stop.getMessage());
        assertEquals(Kind.NOT_FOUND, assertThrows(TrafficException.class, () -> traffic.flow("g")).kind());
    }

    @Test
    void badPingsAreNamedAndSendNothing() {
        int pending = scheduler.pendingEvents();
        assertPingRefused("from", "no host named x", () -> traffic.startPing("x", "h1a", 1, 1));
        assertPingRefused("to", "no host named y", () -> traffic.startPing("h1a", "y", 1, 1));
        assertPingRefused("to", "two different hosts", () -> traffic.startPing("h1a", "h1a", 1, 1));
        assertPingRefused("count", "must be 1..1000, got 0", () -> traffic.startPing("h1a", "h2a", 0, 1));
        assertPingRefused("count", "got 1001", () -> traffic.startPing("h1a", "h2a", 1_001, 1));
        assertPingRefused("interval", "got 0 ns", () -> traffic.startPing("h1a", "h2a", 1, 0));
        assertPingRefused("interval", "at most 10 s", () -> traffic.startPing("h1a", "h2a", 1, SimTime.seconds(11)));
        assertPingRefused("interval", "count 62 at this interval spans 61 s; a ping holds its caller until done, "
                + "so it may span at most 60 s", () -> traffic.startPing("h1a", "h2a", 62, SimTime.seconds(1)));
        assertEquals(pending, scheduler.pendingEvents(), "no echo request scheduled");
        traffic.startPing("h1a", "h2a", 61, SimTime.seconds(1));
        assertTrue(scheduler.pendingEvents() > pending, "a ping spanning exactly 60 s is allowed");
    }

    private static void assertPingRefused(String field, String reason, Runnable ping) {
        TrafficException e = assertThrows(TrafficException.class, ping::run);
        assertEquals(Kind.INVALID, e.kind());
        assertEquals(field, e.field());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}

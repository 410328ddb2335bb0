package org.metrofabric.emulator.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metrofabric.emulator.clock.Randomness;
import org.metrofabric.emulator.clock.Scheduler;

class LinkTest {
    private final Scheduler scheduler = new Scheduler();
    private final Network network = new Network(scheduler, new Randomness(7));
    private final Probe a = network.add(new Probe("a", scheduler));
    private final Probe b = network.add(new Probe("b", scheduler));

    private Link connect(LinkSpec spec, QueueConfig queues) {
        return network.connect(new Endpoint(a, 1), new Endpoint(b, 2), spec, queues, queues);
    }

    @Test
    void serializationAndPropagationAddUpAndBackToBackFramesQueue() {
        Link link = connect(LinkSpec.gbps(1, 5_000), QueueConfig.BMV2_DEFAULT);
        assertEquals(12_000, link.spec().serializationNanos(1500));
        assertEquals(0, link.spec().serializationNanos(0));
        assertEquals(8, new LinkSpec(1_000_000_000L, 0, 0).serializationNanos(1));
        assertEquals(3, new LinkSpec(3_000_000_000L, 0, 0).serializationNanos(1), "8/3 ns rounds up");

        a.send(1, Probe.frame(1500, 1), 0);
        a.send(1, Probe.frame(1500, 2), 0);
        scheduler.runUntilIdle();
        assertEquals(List.of(17_000L, 29_000L), b.arrivals.stream().map(Probe.Arrival::timeNanos).toList());
        assertEquals(2, b.arrivals.get(0).port());
        EgressPort fromA = link.egressAt(new Endpoint(a, 1));
        assertEquals(2, fromA.transmittedFrames());
        assertEquals(3000, fromA.transmittedBytes());
        assertEquals(2, link.from(new Endpoint(a, 1)).delivered());
    }

    @Test
    void theDirectionsAreIndependent() {
        connect(LinkSpec.gbps(1, 1_000), QueueConfig.BMV2_DEFAULT);
        a.send(1, Probe.frame(125, 1), 0);
        b.send(2, Probe.frame(125, 2), 0);
        scheduler.runUntilIdle();
        assertEquals(2_000, a.arrivals.get(0).timeNanos());
        assertEquals(2_000, b.arrivals.get(0).timeNanos());
    }

    @Test
    void strictPriorityServesTheHighestQueueFirstAndTailDropsPerQueue() {
        Link link = connect(LinkSpec.gbps(1, 0), new QueueConfig(3, 2));
        EgressPort port = link.egressAt(new Endpoint(a, 1));
        assertTrue(a.send(1, Probe.frame(100, 1), 0));   // goes on the wire at once
        assertTrue(a.send(1, Probe.frame(100, 2), 0));
        assertTrue(a.send(1, Probe.frame(100, 3), 0));
        assertFalse(a.send(1, Probe.frame(100, 4), 0));  // queue 0 holds 2
        assertTrue(a.send(1, Probe.frame(100, 5), 1));
        assertTrue(a.send(1, Probe.frame(100, 6), 2));
        assertTrue(a.send(1, Probe.frame(100, 7), 2));
        assertFalse(a.send(1, Probe.frame(100, 8), 2));
        assertFalse(a.send(1, Probe.frame(100, 9), 2));
        assertEquals(2, port.depth(0));
        assertEquals(2, port.depth(2));
        // frame 1 has 800 ns left; queued ahead of priority 1: 1 frame at p1 and 2 at p2
        assertEquals(800 + 3 * 800, port.waitNanos(1));
        assertEquals(800 + 2 * 800, port.waitNanos(2));
        scheduler.runUntilIdle();
        assertEquals(List.of(1, 6, 7, 5, 2, 3), b.tags());
        assertEquals(1, port.tailDrops(0));
        assertEquals(0, port.tailDrops(1));
        assertEquals(2, port.tailDrops(2));
        assertEquals(3, port.tailDrops());
        assertEquals(3, port.enqueued(0));
        assertThrows(IllegalArgumentException.class, () -> a.send(1, Probe.frame(10, 0), 3));
    }

    @Test
    void lossProbabilityIsHonouredAndReplaysWithTheSameSeed() {
        long lostFirst = lossRun(7);
        assertTrue(lostFirst > 900 && lostFirst < 1100, "lost " + lostFirst + " of 10000 at p=0.1");
        assertEquals(lostFirst, lossRun(7));
    }

    private static long lossRun(long seed) {
        Scheduler scheduler = new Scheduler();
        Network network = new Network(scheduler, new Randomness(seed));
        Probe from = network.add(new Probe("from", scheduler));
        Probe to = network.add(new Probe("to", scheduler));
        Link link = network.connect(new Endpoint(from, 1), new Endpoint(to, 1), LinkSpec.gbps(10, 100).withLoss(0.1),
                new QueueConfig(1, 100), new QueueConfig(1, 100));
        for (int i = 0; i < 10_000; i++) {
            scheduler.at(i * 1_000L, () -> from.send(1, Probe.frame(100, 0), 0));
        }
        scheduler.runUntilIdle();
        Link.Direction counters = link.from(new Endpoint(from, 1));
        assertEquals(10_000, counters.delivered() + counters.lost());
        assertEquals(counters.delivered(), to.arrivals.size());
        return counters.lost();
    }

    @Test
    void aDownLinkDropsOfferedQueuedAndInFlightFramesAndRecovers() {
        Link link = connect(LinkSpec.gbps(1, 10_000), QueueConfig.BMV2_DEFAULT);
        List<String> changes = new ArrayList<>();
        network.addLinkListener((l, up, time) -> changes.add((up ? "up@" : "down@") + time));
        EgressPort port = link.egressAt(new Endpoint(a, 1));
        a.send(1, Probe.frame(1000, 1), 0);  // on the wire 0..8000, arrives 18000
        a.send(1, Probe.frame(1000, 2), 0);  // queued, then 8000..16000, arrives 26000
        a.send(1, Probe.frame(1000, 3), 0);  // queued
        scheduler.at(12_000, link::down);    // frame 1 in flight, 2 serialising, 3 queued
        scheduler.at(13_000, () -> a.send(1, Probe.frame(1000, 4), 0));
        scheduler.at(14_000, link::up);      // before frame 1 would have arrived: still lost
        scheduler.at(15_000, () -> a.send(1, Probe.frame(1000, 5), 0));
        scheduler.runUntilIdle();
        assertEquals(List.of(5), b.tags());
        assertEquals(15_000 + 8_000 + 10_000, b.arrivals.get(0).timeNanos());
        assertEquals(3, port.linkDownDrops(), "frame 2 being serialised, 3 queued, 4 offered while down");
        assertEquals(1, link.from(new Endpoint(a, 1)).linkDownDrops(), "frame 1 in flight");
        assertEquals(List.of("down@12000", "up@14000"), changes);
        assertTrue(link.isUp());
    }

    @Test
    void badSpecsAndConnectionsAreRejectedWithTheFieldNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LinkSpec(0, 1, 0)).getMessage()
                .contains("rateBitsPerSecond"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LinkSpec(1, -1, 0)).getMessage()
                .contains("propagationNanos"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LinkSpec(1, 1, 1.5)).getMessage()
                .contains("lossProbability"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new QueueConfig(9, 64)).getMessage()
                .contains("priorities"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new QueueConfig(1, 0)).getMessage()
                .contains("capacityPackets"));
        connect(LinkSpec.gbps(1, 0), QueueConfig.BMV2_DEFAULT);
        Probe c = network.add(new Probe("c", scheduler));
        IllegalArgumentException busy = assertThrows(IllegalArgumentException.class, () -> network.connect(
                new Endpoint(c, 1), new Endpoint(a, 1), LinkSpec.gbps(1, 0), QueueConfig.BMV2_DEFAULT,
                QueueConfig.BMV2_DEFAULT));
        assertEquals("port 1 of a is already connected", busy.getMessage());
        assertTrue(c.ports().isEmpty(), "a refused link leaves no half attached");
        Probe stranger = new Probe("stranger", scheduler);
        assertThrows(IllegalArgumentException.class, () -> network.connect(new Endpoint(stranger, 1),
                new Endpoint(c, 1), LinkSpec.gbps(1, 0), QueueConfig.BMV2_DEFAULT, QueueConfig.BMV2_DEFAULT));
        assertThrows(IllegalArgumentException.class, () -> network.add(new Probe("a", scheduler)));
        assertFalse(c.send(9, Probe.frame(10, 0), 0));
        assertEquals(1, c.unconnectedDrops());
    }
}

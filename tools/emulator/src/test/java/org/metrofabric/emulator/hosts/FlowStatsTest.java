package org.metrofabric.emulator.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FlowStatsTest {
    @Test
    void countsDuplicatesReorderingGapsAndLoss() {
        FlowStats stats = new FlowStats(3);
        long[] sequence = {0, 1, 3, 2, 3, 5, 1};
        long now = 1_000;
        for (long seq : sequence) {
            stats.record(new FlowPayload(3, seq, now - 100 - seq), now);
            now += 10;
        }
        assertEquals(5, stats.received());
        assertEquals(2, stats.duplicates());
        assertEquals(1, stats.reordered());
        assertEquals(1, stats.gaps(), "4 is missing below 5");
        assertEquals(3, stats.lost(8));
        assertEquals(5, stats.highestSequence());
        assertEquals(100, stats.latency().min());
        assertEquals(105, stats.latency().max(), "latency 100 + seq");
        assertEquals(20, stats.longestGapNanos(), "a duplicate is not an arrival");
        assertEquals(1_050, stats.longestGapEndNanos());
    }

    @Test
    void theLongestGapMarksAnOutage() {
        FlowStats stats = new FlowStats(1);
        long[] arrivals = {0, 100, 200, 900, 1000};
        for (int i = 0; i < arrivals.length; i++) {
            stats.record(new FlowPayload(1, i, arrivals[i]), arrivals[i]);
        }
        assertEquals(700, stats.longestGapNanos());
        assertEquals(900, stats.longestGapEndNanos());
        assertEquals(0, new FlowStats(2).longestGapNanos());
    }

    @Test
    void percentilesAreExactNearestRank() {
        LatencySamples samples = new LatencySamples();
        for (int i = 1000; i >= 1; i--) {
            samples.add(i);
        }
        assertEquals(990, samples.p99());
        assertEquals(500, samples.percentile(50));
        assertEquals(1000, samples.percentile(100));
        assertEquals(1, samples.min());
        assertEquals(500.5, samples.mean());
        assertThrows(IllegalArgumentException.class, () -> samples.percentile(0));
        assertThrows(IllegalStateException.class, () -> new LatencySamples().p99());
    }

    @Test
    void repeatedLatenciesCountEachSample() {
        LatencySamples samples = new LatencySamples();
        for (int i = 0; i < 99; i++) {
            samples.add(5);
        }
        samples.add(1000);
        samples.add(1000);
        assertEquals(101, samples.count());
        assertEquals(5, samples.percentile(98), "rank 99 of 101 is still the 99th sample of 5");
        assertEquals(1000, samples.p99(), "rank ceil(99.99) = 100 is the first 1000");
        assertEquals(5, samples.min());
        assertEquals(1000, samples.max());
        assertEquals((99 * 5 + 2000) / 101.0, samples.mean());
    }

    @Test
    void payloadHeaderRoundTripsAndForeignPayloadsAreNotFlows() {
        byte[] bytes = new FlowPayload(9, 123456789L, 42L).encode(64);
        assertEquals(64, bytes.length);
        assertEquals(new FlowPayload(9, 123456789L, 42L), FlowPayload.decode(bytes).orElseThrow());
        assertEquals(java.util.Optional.empty(), FlowPayload.decode(new byte[64]));
    }

    @Test
    void trafficPatternsPlacePacketsWithoutDrift() {
        TrafficPattern.ConstantRate third = new TrafficPattern.ConstantRate(3);
        assertEquals(333_333_333, third.offsetNanos(1));
        assertEquals(1_000_000_000, third.offsetNanos(3));
        TrafficPattern.OnOff bursts = new TrafficPattern.OnOff(1_000_000, 10_000, 90_000);
        assertEquals(10, bursts.packetsPerBurst());
        assertEquals(9_000, bursts.offsetNanos(9));
        assertEquals(100_000, bursts.offsetNanos(10));
        assertEquals(201_000, bursts.offsetNanos(21));
        assertThrows(IllegalArgumentException.class, () -> new TrafficPattern.OnOff(1, 0, 0));
    }
}

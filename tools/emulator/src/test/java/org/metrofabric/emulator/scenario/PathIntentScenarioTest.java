package org.metrofabric.emulator.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.metrofabric.emulator.hosts.FlowReport;
import org.metrofabric.emulator.scenario.ScenarioResult.IntentOutcome;

/**
 * Path intents submitted in the CLI syntax to the fabric app on the embedded ONOS, on metro-2x4:
 * leaf1-spine1 40 us, leaf1-spine2 60 us, spine1-leaf3 15 us, spine2-leaf3 20 us; the planner adds
 * 5 us for each of the three switches.
 */
class PathIntentScenarioTest {
    /** Host links (1 us each way) and serialisation at four 10-40 Gb/s hops for a 1 kB frame, plus queueing behind the cross flow. */
    private static final long QUEUEING_ALLOWANCE_NANOS = 10_000;

    @Test
    void theBudgetPicksTheSpineAndMeasuredLatencyStaysWithinTheComputedOne() {
        ScenarioResult result = Scenarios.runWithOnos(Scenarios.parse("""
                {"topology": "metro-2x4.json", "duration": "40ms",
                 "intents": ["metro-path-add mec h1a h3a --latency-us 80 --bandwidth-mbps 1000"],
                 "traffic": {"flows": [
                   {"name": "video", "from": "h1a", "to": "h3a", "rate": 50000, "size": 1000, "start": "5ms", "duration": "30ms"},
                   {"name": "cross", "from": "h1b", "to": "h3a", "rate": 50000, "size": 1400, "start": "5ms", "duration": "30ms",
                    "onOff": {"on": "200us", "off": "800us"}}]},
                 "expectations": [
                   {"kind": "intent-state", "intent": "mec", "state": "INSTALLED"},
                   {"kind": "flow-latency", "flow": "video", "intent": "mec", "metric": "max", "allowance": "10us"},
                   {"kind": "flow-loss", "flow": "video", "maxLost": 0}]}
                """));
        String report = ScenarioReport.text(result);
        assertTrue(result.passed(), report);
        IntentOutcome mec = result.intents().get(0);
        assertEquals("device:spine1", mec.current().spine(), "only spine1 (70 us) fits an 80 us budget; spine2 takes 95 us");
        assertEquals(70_000L, mec.current().computedLatencyNanos());
        FlowReport video = mec.measured().orElseThrow();
        assertTrue(video.minLatencyNanos() >= 55_000, "the fibre alone takes 55 us: " + report);
        assertTrue(video.maxLatencyNanos() <= 70_000 + QUEUEING_ALLOWANCE_NANOS, report);
        assertEquals(3, result.flows().get(0).maxHops(), "leaf, spine, leaf");
    }

    @Test
    void anImpossibleBudgetIsRejectedWithTheExcess() {
        ScenarioResult result = Scenarios.runWithOnos(Scenarios.parse("""
                {"topology": "metro-2x4.json", "duration": "1ms",
                 "intents": ["metro-path-add fast h1a h4a --latency-us 100"],
                 "expectations": [{"kind": "intent-state", "intent": "fast", "state": "REJECTED", "constraint": "LATENCY"}]}
                """));
        assertTrue(result.passed(), ScenarioReport.text(result));
        IntentReport fast = result.intents().get(0).submitted();
        assertTrue(fast.reason().contains("by 155 us"), "leaf1-spine1-leaf4: 40 + 200 + 15 = 255 us, 155 over; got " + fast.reason());
        assertTrue(result.intents().get(0).atEnd().isEmpty(), "a rejected intent is not stored");
    }

    @Test
    void anIntentBetweenAWrongOrUnknownEndpointIsRejectedByTheApp() {
        ScenarioResult result = Scenarios.runWithOnos(Scenarios.parse("""
                {"topology": "metro-2x4.json", "duration": "1ms",
                 "intents": ["metro-path-add ghost h1a h9z", "metro-path-add backwards h3a h1a"],
                 "expectations": [
                   {"kind": "intent-state", "intent": "ghost", "state": "REJECTED", "constraint": "ENDPOINT"},
                   {"kind": "intent-state", "intent": "backwards", "state": "REJECTED", "constraint": "ENDPOINT"}]}
                """));
        assertTrue(result.passed(), ScenarioReport.text(result));
        assertTrue(result.intents().get(0).submitted().reason().contains("unknown host h9z"), ScenarioReport.text(result));
    }

    @Test
    void overCommittedBandwidthIsRejectedOnceBothUplinksAreFull() {
        ScenarioResult result = Scenarios.runWithOnos(Scenarios.parse("""
                {"topology": "metro-2x4.json", "duration": "1ms",
                 "intents": ["metro-path-add a h1a h3a --bandwidth-mbps 6000",
                             "metro-path-add b h1b h3a --bandwidth-mbps 6000",
                             "metro-path-add c h1a 10.2.1.0/24 --bandwidth-mbps 6000"],
                 "expectations": [
                   {"kind": "intent-state", "intent": "a", "state": "INSTALLED"},
                   {"kind": "intent-state", "intent": "b", "state": "INSTALLED"},
                   {"kind": "intent-state", "intent": "c", "state": "REJECTED", "constraint": "BANDWIDTH"}]}
                """));
        assertTrue(result.passed(), ScenarioReport.text(result));
        assertFalse(result.intents().get(0).current().spine().equals(result.intents().get(1).current().spine()),
                "each 10 Gb/s uplink of leaf1 holds one 6 Gb/s intent");
    }
}

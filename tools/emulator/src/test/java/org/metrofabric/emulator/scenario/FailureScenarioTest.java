package org.metrofabric.emulator.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.metrofabric.emulator.scenario.ScenarioResult.ExpectationResult;
import org.metrofabric.emulator.scenario.ScenarioResult.FlowRecovery;

/**
 * spine1 of metro-2x4 dies while every access host sends to every cloud host. The stated bound:
 * with the controller reacting at the failure's virtual time, each flow is back within 1 ms of
 * simulated time (what is lost is only what was on spine1's links), and no packet ever crosses a
 * second leaf.
 */
class FailureScenarioTest {
    private static final String SCENARIO = """
            {"topology": "metro-2x4.json", "duration": "60ms",
             "intents": ["metro-path-add mec h1a h3a --latency-us 100"],
             "traffic": {"flows": [
               {"name": "h1a-h3a", "from": "h1a", "to": "h3a", "rate": 20000, "size": 500, "start": "5ms", "duration": "50ms"},
               {"name": "h1b-h4a", "from": "h1b", "to": "h4a", "rate": 20000, "size": 500, "start": "5ms", "duration": "50ms"},
               {"name": "h2a-h4b", "from": "h2a", "to": "h4b", "rate": 20000, "size": 500, "start": "5ms", "duration": "50ms"},
               {"name": "h2b-h3a", "from": "h2b", "to": "h3a", "rate": 20000, "size": 500, "start": "5ms", "duration": "50ms"},
               {"name": "h4a-h1a", "from": "h4a", "to": "h1a", "rate": 20000, "size": 500, "start": "5ms", "duration": "50ms"}]},
             "events": [{"at": "25ms", "type": "switch-down", "device": "spine1"}],
             "expectations": [
               {"kind": "recovery", "flow": "h1a-h3a", "maxGap": "1ms"},
               {"kind": "recovery", "flow": "h1b-h4a", "maxGap": "1ms"},
               {"kind": "recovery", "flow": "h2a-h4b", "maxGap": "1ms"},
               {"kind": "recovery", "flow": "h2b-h3a", "maxGap": "1ms"},
               {"kind": "recovery", "flow": "h4a-h1a", "maxGap": "1ms"},
               {"kind": "intent-state", "intent": "mec", "state": "INSTALLED"},
               {"kind": "no-leaf-transit"}]}
            """;

    @Test
    void trafficIsBackWithinOneMillisecondAndNeverTransitsALeaf() {
        ScenarioResult result = Scenarios.runWithOnos(Scenarios.parse(SCENARIO));
        String report = ScenarioReport.text(result);
        assertTrue(result.passed(), report);
        assertEquals("device:spine2", result.intents().get(0).current().spine(), "the pinned path moved off spine1");
        List<FlowRecovery> recoveries = result.failures().get(0).flows();
        assertEquals(5, recoveries.size());
        assertTrue(recoveries.stream().anyMatch(FlowRecovery::interrupted), "some flows crossed spine1: " + report);
        for (FlowRecovery flow : recoveries) {
            assertTrue(flow.recoveryNanos().orElseThrow() <= 1_000_000, report);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"at\": \"20ms\", \"type\": \"link-down\", \"between\": [\"spine1\", \"leaf3\"]}",
        "{\"at\": \"20ms\", \"type\": \"port-down\", \"device\": \"leaf1\", \"port\": 1}"})
    void aLinkOrPortFailureMovesThePinnedPathAndTrafficRecovers(String event) {
        ScenarioResult result = Scenarios.runWithOnos(Scenarios.parse("""
                {"topology": "metro-2x4.json", "duration": "40ms",
                 "intents": ["metro-path-add mec h1a h3a --latency-us 100"],
                 "traffic": {"flows": [
                   {"name": "video", "from": "h1a", "to": "h3a", "rate": 20000, "size": 500, "start": "5ms", "duration": "30ms"}]},
                 "events": [%s],
                 "expectations": [{"kind": "recovery", "flow": "video", "maxGap": "1ms"},
                                  {"kind": "intent-state", "intent": "mec", "state": "INSTALLED"},
                                  {"kind": "no-leaf-transit"}]}
                """.formatted(event)));
        String report = ScenarioReport.text(result);
        assertTrue(result.passed(), report);
        assertEquals("device:spine1", result.intents().get(0).submitted().spine(), report);
        assertEquals("device:spine2", result.intents().get(0).current().spine(), report);
        assertTrue(result.flows().get(0).report().received() > 0 && result.flows().get(0).lastArrivalNanos() > 30_000_000L, report);
    }

    @Test
    void anIntentWhoseBudgetNoSurvivingSpineMeetsIsDegradedButStillForwarded() {
        ScenarioResult result = Scenarios.runWithOnos(Scenarios.parse("""
                {"topology": "metro-2x4.json", "duration": "40ms",
                 "intents": ["metro-path-add tight h1a h3a --latency-us 80"],
                 "traffic": {"flows": [
                   {"name": "video", "from": "h1a", "to": "h3a", "rate": 20000, "size": 500, "start": "5ms", "duration": "30ms"}]},
                 "events": [{"at": "20ms", "type": "switch-down", "device": "spine1"}],
                 "expectations": [{"kind": "intent-state", "intent": "tight", "state": "DEGRADED"},
                                  {"kind": "recovery", "flow": "video", "maxGap": "1ms"}]}
                """));
        String report = ScenarioReport.text(result);
        assertTrue(result.passed(), "spine2's path takes 95 us, over the 80 us budget, but ECMP still carries it: " + report);
        assertEquals("INSTALLED", result.intents().get(0).submitted().state());
        ScenarioResult.IntentChange change = result.intents().get(0).changes().get(0);
        assertEquals(20_000_000L, change.atNanos());
        assertEquals("DEGRADED", change.status().orElseThrow().state());
        assertEquals("LATENCY", change.status().orElseThrow().constraint(), report);
    }

    @Test
    void withoutAControllerTheFlowsOnTheDeadSpineNeverRecover() {
        ScenarioResult result = Scenarios.runControllerLess(Scenarios.parse(SCENARIO));
        String report = ScenarioReport.text(result);
        assertFalse(result.passed(), report);
        List<ExpectationResult> failed = result.expectations().stream().filter(e -> !e.passed()).toList();
        assertTrue(failed.stream().anyMatch(e -> e.description().startsWith("flow ") && e.detail().contains("no packet arrived after")),
                report);
        assertTrue(failed.stream().anyMatch(e -> e.description().startsWith("intent mec")), "no controller, no intent: " + report);
        assertTrue(result.expectations().get(result.expectations().size() - 1).passed(), "static routes never transit a leaf either");
    }

    @Test
    void twoRunsOfAScenarioAreIdentical() {
        Scenario scenario = Scenarios.parse(SCENARIO);
        ScenarioResult first = Scenarios.runWithOnos(scenario);
        ScenarioResult second = Scenarios.runWithOnos(scenario);
        assertEquals(withoutWallTime(first), withoutWallTime(second));
    }

    private static String withoutWallTime(ScenarioResult result) {
        var json = ScenarioReport.json(result);
        json.remove("wallMillis");
        return json.toString();
    }
}

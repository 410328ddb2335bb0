package org.metrofabric.emulator.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.metrofabric.emulator.scenario.ScenarioResult.Reachability;

/**
 * Every host pings every other host across the fabric the ONOS fabric app programmed: hosts on
 * another leaf through their gateway, hosts on the same leaf after the app answered their ARP.
 */
class ReachabilityScenarioTest {
    @ParameterizedTest
    @ValueSource(strings = {"metro-2x4", "metro-4x8"})
    void everyHostReachesEveryOtherHost(String topology) {
        Scenario scenario = Scenarios.parse("""
                {"topology": "%s.json", "duration": "10ms",
                 "traffic": {"ping": {"start": "1ms", "count": 2, "interval": "1ms"}},
                 "expectations": [{"kind": "all-pairs-reachable", "scope": "all"}]}
                """.formatted(topology));
        ScenarioResult result = Scenarios.runWithOnos(scenario);
        Reachability reach = result.reachability().orElseThrow();
        int hosts = scenario.topology().hosts().size();
        assertEquals(hosts * (hosts - 1), reach.pairs());
        assertTrue(reach.crossLeafPairs() > 0);
        assertTrue(reach.crossLeafPairs() < reach.pairs(), "some hosts share a leaf");
        assertEquals(reach.pairs(), reach.reachablePairs(), ScenarioReport.text(result));
        assertTrue(result.passed(), ScenarioReport.text(result));
        assertEquals(2L * reach.pairs(), reach.requestsSent());
    }
}

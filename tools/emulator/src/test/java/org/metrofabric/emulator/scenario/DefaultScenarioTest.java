package org.metrofabric.emulator.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The README's main job: the shipped default scenario passes with the apps on the embedded ONOS. */
class DefaultScenarioTest {
    @Test
    void theDefaultScenarioPasses() {
        Scenario scenario = ScenarioReader.read(Scenarios.TOPOLOGIES.resolve("scenarios/default.json"));
        ScenarioResult result = Scenarios.runWithOnos(scenario);
        String report = ScenarioReport.text(result);
        System.out.println(report);
        assertTrue(result.passed(), report);
    }
}

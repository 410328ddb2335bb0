package org.metrofabric.emulator.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every scenario shipped in topologies/scenarios passes with the apps on the embedded ONOS. */
class ShippedScenariosTest {
    static List<Path> shipped() throws IOException {
        try (Stream<Path> files = Files.list(Scenarios.TOPOLOGIES.resolve("scenarios"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void passes(Path file) {
        ScenarioResult result = Scenarios.runWithOnos(ScenarioReader.read(file));
        String report = ScenarioReport.text(result);
        assertFalse(result.expectations().isEmpty(), file + " expects nothing");
        assertTrue(result.passed(), report);
    }
}

package org.metrofabric.emulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code emulator run}: report on stdout, JSON on request, exit code by outcome. */
class EmulatorCliTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = EmulatorCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void theDefaultScenarioRunsWhenNoneIsGivenAndWritesJson() throws IOException {
        Path json = dir.resolve("report.json");
        assertEquals(0, run("run", "--json", json.toString()), out + "\n" + err);
        assertTrue(out.toString().contains("Scenario default on metro-2x4"), out.toString());
        assertTrue(out.toString().contains("RESULT: PASS"), out.toString());
        assertTrue(out.toString().contains("writing over P4Runtime"), out.toString());
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertTrue(report.get("passed").asBoolean());
        assertEquals("switch spine1 down", report.get("failures").get(0).get("event").asText());
    }

    @Test
    void theDirectDeviceLayerRunsTheSameScenarioWithoutTheWire() {
        assertEquals(0, run("run", "--device-layer", "direct"), out + "\n" + err);
        assertTrue(out.toString().contains("RESULT: PASS"), out.toString());
        assertTrue(out.toString().contains("writing to p4sim directly"), out.toString());
    }

    @Test
    void serveWithABadTopologyExitsWithTwoAndNamesTheFile() throws IOException {
        Path topology = dir.resolve("broken.json");
        Files.writeString(topology, "{\"switches\": ");
        assertEquals(RunCommand.EXIT_BAD_INPUT, run("serve", "--topology", topology.toString()));
        assertTrue(err.toString().contains(topology.toString()), err.toString());
    }

    @Test
    void aFailedExpectationExitsWithOne() throws IOException {
        Path scenario = dir.resolve("lossless.json");
        Files.writeString(scenario, """
                {"topology": "%s", "duration": "20ms",
                 "traffic": {"flows": [{"name": "f", "from": "h1a", "to": "h3a", "rate": 10000, "start": "1ms", "duration": "18ms"}]},
                 "events": [{"at": "10ms", "type": "link-down", "between": ["leaf3", "spine1"]},
                            {"at": "10ms", "type": "link-down", "between": ["leaf3", "spine2"]}],
                 "expectations": [{"kind": "flow-loss", "flow": "f", "maxLost": 0}]}
                """.formatted(CommandLineTopology.METRO_2X4));
        assertEquals(RunCommand.EXIT_FAILED, run("run", scenario.toString()), out + "\n" + err);
        assertTrue(out.toString().contains("FAIL flow f loses at most 0 packets"), out.toString());
    }

    @Test
    void aBadScenarioExitsWithTwoAndNamesTheField() throws IOException {
        Path scenario = dir.resolve("bad.json");
        Files.writeString(scenario, """
                {"topology": "%s", "duration": "20ms", "expectations": [{"kind": "vibes"}]}
                """.formatted(CommandLineTopology.METRO_2X4));
        assertEquals(RunCommand.EXIT_BAD_INPUT, run("run", scenario.toString()));
        assertTrue(err.toString().contains("expectations[0].kind: unknown expectation kind \"vibes\""), err.toString());
    }

    /** The shipped metro-2x4 topology as an absolute path, for scenarios written to a temporary folder. */
    private static final class CommandLineTopology {
        static final String METRO_2X4 = org.metrofabric.emulator.fabric.MetroPipeline.locate(Path.of("")).getParent()
                .getParent().resolve("topologies/metro-2x4.json").toString();
    }
}

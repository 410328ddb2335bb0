package org.metrofabric.topology.mininet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.metrofabric.topology.TopologyFiles;
import org.metrofabric.topology.load.TopologyLoader;
import org.metrofabric.topology.netcfg.NetcfgWriter;

/** The Mininet launcher compiles, and the netcfg it implies is the Java writer's, field for field. */
class MininetLauncherTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static Path launcher;

    @BeforeAll
    static void requirePython() throws Exception {
        assumeTrue(run(List.of("python3", "--version")).exitCode == 0, "python3 is not installed");
        launcher = TopologyFiles.topologiesDir().resolve("mininet/metro_mininet.py");
    }

    @Test
    void compiles() throws Exception {
        Result result = run(List.of("python3", "-m", "py_compile", launcher.toString()));
        assertEquals(0, result.exitCode, result.stderr);
    }

    @ParameterizedTest
    @ValueSource(strings = {"metro-2x4", "metro-4x8"})
    void printedNetcfgMatchesTheJavaWriter(String topologyName) throws Exception {
        Path topology = TopologyFiles.shipped(topologyName);
        Result result = run(List.of("python3", launcher.toString(), topology.toString(), "--print-netcfg"));
        assertEquals(0, result.exitCode, result.stderr);
        JsonNode fromPython = MAPPER.readTree(result.stdout);
        // Round-trip through text so both sides use the same numeric node types.
        JsonNode fromJava = MAPPER.readTree(NetcfgWriter.write(TopologyLoader.load(topology)).toString());
        assertEquals(fromJava, fromPython);
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result run(List<String> command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "", "timed out: " + command);
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, "", e.toString());
        }
    }
}

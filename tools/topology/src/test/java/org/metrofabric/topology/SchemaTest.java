package org.metrofabric.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metrofabric.topology.generate.GeneratorSpec;
import org.metrofabric.topology.generate.TopologyGenerator;

/**
 * The JSON Schema accepts the shipped and generated topologies and rejects what the loader
 * rejects on its own fields. Uses Python's jsonschema when it is installed (no Java validator is
 * among the project's dependencies); skipped otherwise.
 */
class SchemaTest {
    private static final String CHECK = String.join("\n",
            "import json, sys, jsonschema",
            "schema = json.load(open(sys.argv[1]))",
            "jsonschema.Draft202012Validator.check_schema(schema)",
            "validator = jsonschema.Draft202012Validator(schema)",
            "for path in sys.argv[2:]:",
            "    errors = list(validator.iter_errors(json.load(open(path))))",
            "    print(path, len(errors))");

    @Test
    void schemaAcceptsShippedAndGeneratedTopologiesAndRejectsBadOnes(@TempDir Path dir) throws Exception {
        assumeTrue(run(List.of("python3", "-c", "import jsonschema")) == 0, "python3 with jsonschema is not installed");
        Path generated = dir.resolve("generated.json");
        Files.writeString(generated, new ObjectMapper().writeValueAsString(
                TopologyGenerator.generate(new GeneratorSpec("gen", 3, 300, 1, 1, 2))));
        String shipped = Files.readString(TopologyFiles.shipped("metro-2x4"));
        Path cpuPort = write(dir, "cpu.json", shipped.replace("\"port\": 3}", "\"port\": 255}"));
        Path badKind = write(dir, "kind.json", shipped.replace("\"edge-cloud\"", "\"cloud\""));
        Path bothLatencies = write(dir, "both.json", shipped.replace("\"fibreKm\": 8}", "\"fibreKm\": 8, \"latencyUs\": 3}"));
        Path negative = write(dir, "negative.json", shipped.replace("\"capacityGbps\": 40", "\"capacityGbps\": -40"));
        Path badMac = write(dir, "mac.json", shipped.replace("00:00:0a:01:01:0a", "00:00:0a:01:01"));

        Path script = write(dir, "check.py", CHECK);
        Path out = dir.resolve("out.txt");
        List<String> command = List.of("python3", script.toString(),
                TopologyFiles.topologiesDir().resolve("schema/metro-topology.schema.json").toString(),
                TopologyFiles.shipped("metro-2x4").toString(), TopologyFiles.shipped("metro-4x8").toString(),
                generated.toString(), cpuPort.toString(), badKind.toString(), bothLatencies.toString(),
                negative.toString(), badMac.toString());
        assertEquals(0, runTo(command, out), Files.readString(out));
        List<String> lines = Files.readAllLines(out);
        List<Boolean> valid = lines.stream().map(l -> l.endsWith(" 0")).toList();
        assertEquals(List.of(true, true, true, false, false, false, false, false), valid, String.join("\n", lines));
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static int run(List<String> command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(60, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static int runTo(List<String> command, Path out) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        return process.waitFor(60, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }
}

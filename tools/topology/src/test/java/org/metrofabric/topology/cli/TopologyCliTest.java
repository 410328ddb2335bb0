package org.metrofabric.topology.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metrofabric.topology.TopologyFiles;
import picocli.CommandLine;

class TopologyCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = TopologyCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void generateThenValidateThenNetcfg(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.json");
        assertEquals(0, run("generate", "--spines", "3", "--leaves", "10", "--hosts-per-leaf", "2", "-o", file.toString()));
        assertEquals(0, run("validate", file.toString()), err.toString());
        assertTrue(out.toString().contains("ok (3 spines, 10 leaves, 20 hosts, 30 links)"), out.toString());
        Path netcfg = dir.resolve("netcfg.json");
        assertEquals(0, run("netcfg", file.toString(), "-o", netcfg.toString()));
        JsonNode devices = new ObjectMapper().readTree(Files.readString(netcfg)).get("devices");
        assertEquals(13, devices.size());
        assertEquals("core-cloud", devices.get("device:leaf10").get("metrofabric").get("leafKind").asText());
    }

    @Test
    void netcfgToStandardOutput() throws Exception {
        assertEquals(0, run("netcfg", TopologyFiles.shipped("metro-2x4").toString()));
        assertEquals(6, new ObjectMapper().readTree(out.toString()).get("devices").size());
    }

    @Test
    void validateReportsPathAndReason(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, Files.readString(TopologyFiles.shipped("metro-2x4")).replace("\"leaf\": \"leaf3\"", "\"leaf\": \"leaf7\""));
        assertEquals(1, run("validate", file.toString()));
        assertTrue(err.toString().contains("$.hosts[4].leaf: unknown leaf \"leaf7\""), err.toString());
    }

    @Test
    void generateRejectsFabricWithoutAccessLeaves() {
        assertEquals(2, run("generate", "--spines", "2", "--leaves", "2"));
        assertTrue(err.toString().contains("leaves no access leaf"), err.toString());
    }

    @Test
    void generateRejectsTooManyHosts() {
        assertEquals(2, run("generate", "--spines", "2", "--leaves", "4", "--hosts-per-leaf", "300"));
        assertTrue(err.toString().contains("hosts per leaf must be 0..245, got 300"), err.toString());
    }
}

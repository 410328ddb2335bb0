package org.metrofabric.p4sim.arch.v1model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.metrofabric.p4sim.P4Sim;
import org.metrofabric.p4sim.conformance.Frame;
import org.metrofabric.p4sim.conformance.GoldenParser;
import org.metrofabric.p4sim.conformance.GoldenReport;
import org.metrofabric.p4sim.conformance.GoldenRunner;

/** Runs every recorded BMv2 golden through p4sim (compiled program, generated P4Info, PI control API). */
class CorpusGoldenBehaviourTest {
    private static Path corpus(String file) throws Exception {
        return Path.of(CorpusGoldenBehaviourTest.class.getResource("/conformance/v1model/" + file).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"arith", "ecmp", "ecmp_change", "hashes", "matchkinds", "meters", "packetio", "parser",
            "replication", "routing", "stateful", "udp_checksum"})
    void reproducesBmv2(String program) throws Exception {
        P4Sim.Switch sw = P4Sim.load(corpus(program + ".p4")).newSwitch();
        if (program.equals("packetio")) {
            sw.dataPlane().setCpuPort(255);
        }
        GoldenReport report = GoldenRunner.run(GoldenParser.parse(corpus(program + ".golden")), sw.control(),
                (port, bytes, now) -> toFrames(sw.dataPlane().process(port, bytes, now)));
        assertTrue(report.passed(), report.describe());
    }

    private static List<Frame> toFrames(List<OutputPacket> packets) {
        return packets.stream().map(p -> new Frame(p.port(), p.bytes())).toList();
    }
}

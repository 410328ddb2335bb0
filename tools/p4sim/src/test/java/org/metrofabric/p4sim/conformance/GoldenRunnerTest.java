package org.metrofabric.p4sim.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.metrofabric.p4sim.control.SwitchControl;
import org.metrofabric.p4sim.runtime.MatchTable;
import org.metrofabric.p4sim.runtime.PipelineExtras;
import org.metrofabric.p4sim.runtime.SwitchState;
import org.metrofabric.p4sim.runtime.TableResult;

class GoldenRunnerTest {
    private static SwitchControl control(String program, PipelineExtras extras) {
        return new SwitchControl(new SwitchState(
                P4InfoFiles.read(CorpusFiles.directory().resolve(program + ".p4info.txt")), extras));
    }

    private static GoldenFile golden(String program) {
        return GoldenParser.parse(CorpusFiles.directory().resolve(program + ".golden"));
    }

    static List<String> programs() {
        return CorpusFiles.programs();
    }

    /** Every control-plane line of the corpus passes the control API's P4Runtime validation. */
    @ParameterizedTest
    @MethodSource("programs")
    void corpusControlLinesAreAccepted(String program) {
        PipelineExtras extras = PipelineExtras.builder().selectorAlgorithm("EcmpIngress.uplinks", "crc16").build();
        GoldenReport report = GoldenRunner.run(golden(program), control(program, extras),
                (port, frame, now) -> List.of());
        assertTrue(report.mismatches().stream().noneMatch(m -> m.what().startsWith("rejected: ")),
                report.describe());
    }

    /**
     * The ECMP goldens need only a parser and one table, so a hand-written data plane for ecmp.p4 checks the
     * selector's member choice (crc16 over the packed selector fields, H mod n by member handle) against
     * BMv2's recording, independently of the interpreter.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ecmp", "ecmp_change"})
    void selectorMemberChoiceMatchesBmv2(String program) {
        PipelineExtras extras = PipelineExtras.builder().selectorAlgorithm("EcmpIngress.uplinks", "crc16")
                .selectorWidths("EcmpIngress.ecmp_route", List.of(32, 32, 8, 16, 16)).build();
        SwitchControl control = control(program, extras);
        MatchTable route = control.state().table("EcmpIngress.ecmp_route");
        GoldenReport report = GoldenRunner.run(golden(program), control,
                (port, frame, now) -> ecmp(route, port, frame));
        assertTrue(report.passed(), report.describe());
        assertTrue(report.packets() > 150, report.describe());
    }

    private static BigInteger field(byte[] frame, int offset, int length) {
        return new BigInteger(1, Arrays.copyOfRange(frame, offset, offset + length));
    }

    /** ecmp.p4 by hand: Ethernet, IPv4 (20 bytes), TCP/UDP ports; route; rewrite MACs. */
    private static List<Frame> ecmp(MatchTable route, int port, byte[] frame) {
        boolean ipv4 = field(frame, 12, 2).intValue() == 0x0800;
        if (!ipv4) {
            return List.of();
        }
        int protocol = frame[23] & 0xff;
        boolean l4 = protocol == 6 || protocol == 17;
        BigInteger dst = field(frame, 30, 4);
        BigInteger[] key = {dst, field(frame, 26, 4), dst, BigInteger.valueOf(protocol),
                l4 ? field(frame, 34, 2) : BigInteger.ZERO, l4 ? field(frame, 36, 2) : BigInteger.ZERO};
        TableResult result = route.apply(key, frame.length, 0);
        byte[] out = frame.clone();
        switch (result.actionName()) {
            case "EcmpIngress.set_uplink": {
                List<BigInteger> args = result.actionArgs();
                System.arraycopy(mac(args.get(2)), 0, out, 0, 6);
                System.arraycopy(mac(args.get(1)), 0, out, 6, 6);
                return List.of(new Frame(args.get(0).intValue(), out));
            }
            case "EcmpIngress.drop":
                return List.of();
            default:
                return List.of(new Frame(0, out));
        }
    }

    private static byte[] mac(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] mac = new byte[6];
        int copy = Math.min(6, raw.length);
        System.arraycopy(raw, raw.length - copy, mac, 6 - copy, copy);
        return mac;
    }

    @Test
    void reportsFrameAndReadBackDifferencesWithLineNumbers() {
        GoldenFile file = GoldenParser.parse("x.golden", List.of(
                "packet 1 0a0b",
                "expect 2 0a0b",
                "packet 1 0a0b",
                "expect none",
                "register StIngress.seq 0 value=3",
                "counter StIngress.perIndex 0 packets=0 bytes=0",
                "table_add StIngress.nope hdr.ethernet.src=1 => StIngress.step()"));
        GoldenReport report = GoldenRunner.run(file, control("stateful", PipelineExtras.empty()),
                (port, frame, now) -> List.of(new Frame(2, new byte[] {0x0a, 0x0c})));
        assertEquals(List.of(1, 3, 5, 7), report.mismatches().stream().map(Mismatch::line).toList());
        Mismatch first = report.mismatches().get(0);
        assertEquals("2 0a0b", first.expected());
        assertEquals("2 0a0c", first.actual());
        assertTrue(first.what().contains("byte 1"), first.what());
        assertEquals("value=0", report.mismatches().get(2).actual());
        assertEquals("register StIngress.seq 0 value=3", report.mismatches().get(2).what());
        assertTrue(report.mismatches().get(3).actual().contains("StIngress.nope"));
        assertEquals(2, report.packets());
        assertEquals(2, report.checks());
        assertTrue(report.describe().startsWith("FAIL x.golden"));
    }
}

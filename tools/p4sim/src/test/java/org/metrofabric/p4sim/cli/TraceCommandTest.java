package org.metrofabric.p4sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TraceCommandTest {
    private static final Path CORPUS = Path.of("src/test/resources/conformance/v1model");

    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = new CommandLine(new P4SimCli());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void printsParserStatesTablesAndOutput() throws IOException {
        Path entries = dir.resolve("routes.txt");
        Files.writeString(entries, "table_add RoutingIngress.ipv4_lpm hdr.ipv4.dstAddr=0x0a000200/24"
                + " => RoutingIngress.set_nhop(dmac=0x000000000002, smac=0x000000000001, port=2)\n");
        String ipv4 = "45000014000100004011" + "63d6" + "0a000101" + "0a000202";
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = run(out, err, "trace", CORPUS.resolve("routing.p4").toString(), "--entries", entries.toString(),
                "--port", "1", "--packet", "000000000001" + "00000000000a" + "0800" + ipv4);
        assertEquals(0, rc, err.toString());
        String text = out.toString();
        assertTrue(text.contains("parser RoutingParser: state parse_ipv4"), text);
        assertTrue(text.contains("table RoutingIngress.ipv4_lpm: hit -> RoutingIngress.set_nhop(dmac=0x2, smac=0x1, port=0x2)"),
                text);
        assertTrue(text.contains("packet out on port 2 (34 bytes): "), text);
    }

    /** The README's example: the sample leaf entries send h1b's packet to a spine, rewritten. */
    @Test
    void readmeExampleRoutesThroughAnUplink() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = run(out, err, "trace", "../../p4src/metro.p4", "--entries", "../../p4src/samples/leaf1.entries",
                "--port", "4", "--packet", "00bb0000000100000a01010b08004500002200010000401164b30a01010b0a02010a"
                        + "a4611f90000e000068656c6c6f21");
        assertEquals(0, rc, err.toString());
        String text = out.toString();
        assertTrue(text.contains("table IngressPipe.routing_v4: hit -> IngressPipe.route_via_uplinks(ecmp_group_id=0x1)"),
                text);
        // TTL 64 -> 63 (0x3f) and the spine's MAC as destination, on uplink 1 or 2.
        assertTrue(text.matches("(?s).*packet out on port [12] \\(48 bytes\\): 00aa0000000[12]00bb00000001"
                + "0800450000220001 0000 3f11.*".replace(" ", "")), text);
    }

    @Test
    void aMissDropsAndSaysSo() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = run(out, err, "trace", CORPUS.resolve("routing.p4").toString(), "--packet",
                "000000000001" + "00000000000a" + "0800" + "45000014000100004011" + "63d6" + "0a000101" + "0a000202");
        assertEquals(0, rc, err.toString());
        assertTrue(out.toString().contains("table RoutingIngress.ipv4_lpm: miss -> RoutingIngress.drop(reason=0x0)"),
                out.toString());
        assertTrue(out.toString().contains("no frame sent (dropped)"), out.toString());
    }

    @Test
    void tracesEveryFrameOfAPcap() throws IOException {
        byte[] frame = java.util.HexFormat.of().parseHex("000000000001" + "00000000000a" + "0806" + "0001");
        java.nio.ByteBuffer pcap = java.nio.ByteBuffer.allocate(24 + 2 * (16 + frame.length))
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        pcap.putInt(0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        for (int i = 0; i < 2; i++) {
            pcap.putInt(i).putInt(0).putInt(frame.length).putInt(frame.length).put(frame);
        }
        Path file = dir.resolve("two.pcap");
        Files.write(file, pcap.array());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = run(out, err, "trace", CORPUS.resolve("routing.p4").toString(), "--pcap", file.toString());
        assertEquals(0, rc, err.toString());
        assertEquals(2, out.toString().split("packet in on port 0", -1).length - 1, out.toString());
        Files.write(file, new byte[] {1, 2, 3});
        assertEquals(2, run(new StringWriter(), err, "trace", CORPUS.resolve("routing.p4").toString(), "--pcap",
                file.toString()));
        assertTrue(err.toString().contains("pcap"), err.toString());
    }

    @Test
    void badEntriesAreReportedWithTheirLine() throws IOException {
        Path entries = dir.resolve("bad.txt");
        Files.writeString(entries, "# comment\ntable_add RoutingIngress.nope hdr.ipv4.dstAddr=1/32 => RoutingIngress.drop(reason=1)\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = run(out, err, "trace", CORPUS.resolve("routing.p4").toString(), "--entries", entries.toString(),
                "--packet", "00");
        assertEquals(2, rc);
        assertTrue(err.toString().contains("bad.txt:2:"), err.toString());
    }
}

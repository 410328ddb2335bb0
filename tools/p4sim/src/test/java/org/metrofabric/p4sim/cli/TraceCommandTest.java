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

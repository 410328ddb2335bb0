package org.metrofabric.p4sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConformCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int conform(String... args) {
        CommandLine cli = new CommandLine(new P4SimCli());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] full = new String[args.length + 1];
        full[0] = "conform";
        System.arraycopy(args, 0, full, 1, args.length);
        return cli.execute(full);
    }

    private static Path corpus(String file) throws Exception {
        return Path.of(ConformCommandTest.class.getResource("/conformance/v1model/" + file).toURI());
    }

    private static void copyProgram(Path dir, String program, String golden) throws Exception {
        Files.copy(corpus(program + ".p4"), dir.resolve(program + ".p4"));
        Files.writeString(dir.resolve(program + ".golden"), golden);
    }

    @Test
    void passingGoldenExitsZero(@TempDir Path dir) throws Exception {
        copyProgram(dir, "stateful", Files.readString(corpus("stateful.golden")));
        assertEquals(0, conform(dir.toString()), out + "\n" + err);
        assertTrue(out.toString().startsWith("PASS stateful.golden"), out.toString());
        assertTrue(out.toString().contains("1 of 1 goldens passed"));
    }

    @Test
    void differingLineIsPrintedAndExitsOne(@TempDir Path dir) throws Exception {
        String golden = Files.readString(corpus("stateful.golden")).replace("register StIngress.seq 0 value=3",
                "register StIngress.seq 0 value=4");
        copyProgram(dir, "stateful", golden);
        assertEquals(1, conform(dir.resolve("stateful.golden").toString()));
        assertTrue(out.toString().contains("line 23: register StIngress.seq 0 value=4"), out.toString());
        assertTrue(out.toString().contains("expected: value=4"), out.toString());
        assertTrue(out.toString().contains("actual:   value=3"), out.toString());
    }

    @Test
    void unusableGoldensExitTwoWithTheReason(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("orphan.golden"), "packet 0 00\nexpect none\n");
        assertEquals(2, conform(dir.toString()));
        assertTrue(err.toString().contains("orphan.p4"), err.toString());
        Path other = Files.createDirectory(dir.resolve("bad"));
        copyProgram(other, "stateful", "packet 0 00\nfrobnicate\n");
        assertEquals(2, conform(other.toString()));
        assertTrue(err.toString().contains("stateful.golden:2: unknown command 'frobnicate'"), err.toString());
        assertEquals(2, conform(dir.resolve("missing").toString()));
    }
}

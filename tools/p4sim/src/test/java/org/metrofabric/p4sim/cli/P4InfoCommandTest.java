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

class P4InfoCommandTest {
    private static final Path CORPUS = Path.of("src/test/resources/conformance/v1model");

    @TempDir
    Path dir;

    @Test
    void writesTheTextP4InfoToTheOutputFile() throws IOException {
        Path out = dir.resolve("packetio.p4info.txt");
        int rc = new CommandLine(new P4SimCli()).execute("p4info", CORPUS.resolve("packetio.p4").toString(),
                "-o", out.toString());
        assertEquals(0, rc);
        String text = Files.readString(out);
        assertTrue(text.startsWith("pkg_info {\n  arch: \"v1model\"\n}\n"), text);
        assertTrue(text.contains("name: \"IoIngress.acl\""), text);
    }

    @Test
    void aBadProgramExitsNonZeroWithItsLocatedError() throws IOException {
        Path bad = dir.resolve("bad.p4");
        Files.writeString(bad, "#include <core.p4>\n#include <v1model.p4>\ncontrol X() { apply { y = 1; } }\n");
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new P4SimCli());
        cli.setErr(new PrintWriter(err));
        int rc = cli.execute("p4info", bad.toString());
        assertEquals(1, rc);
        assertTrue(err.toString().startsWith(bad + ":3:"), err.toString());
    }
}

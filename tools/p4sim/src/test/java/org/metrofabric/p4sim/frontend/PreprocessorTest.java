package org.metrofabric.p4sim.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreprocessorTest {
    @Test
    void definesConditionalsAndLineMapping() {
        PreprocessedSource s = Preprocessor.runText("t.p4", """
                #define PORT 255
                #define OTHER PORT
                #ifdef PORT
                a = PORT; b = OTHER; c = "PORT"; d = 8w255 // PORT
                #else
                never
                #endif
                #if 0
                gone
                #elif defined(PORT) && PORT >= 200
                kept
                #endif
                """);
        String[] lines = s.text().split("\n", -1);
        assertEquals("a = 255; b = 255; c = \"PORT\"; d = 8w255 // PORT", lines[3]);
        assertEquals("", lines[5]);
        assertEquals("", lines[8]);
        assertEquals("kept", lines[10]);
        assertEquals(11, s.locate(11, 0).line());
    }

    @Test
    void systemAndQuotedIncludesKeepTheirOwnLocations(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("defs.p4"), "const bit<8> X = 1;\n");
        Path main = dir.resolve("main.p4");
        Files.writeString(main, "#include <core.p4>\n#include \"defs.p4\"\nrest\n");
        PreprocessedSource s = Preprocessor.run(main);
        String[] lines = s.text().split("\n", -1);
        int defsLine = java.util.Arrays.asList(lines).indexOf("const bit<8> X = 1;") + 1;
        assertEquals(dir.resolve("defs.p4").toString(), s.locate(defsLine, 0).file());
        assertEquals(1, s.locate(defsLine, 0).line());
        assertTrue(s.text().contains("extern packet_in"));
    }

    @Test
    void errorsAreLocated() {
        P4CompileException e = assertThrows(P4CompileException.class,
                () -> Preprocessor.runText("t.p4", "x\n#include <nope.p4>\n"));
        assertEquals("t.p4:2:1", e.location().toString());
        assertTrue(e.reason().contains("<nope.p4>"));
        assertThrows(P4CompileException.class, () -> Preprocessor.runText("t.p4", "#ifdef A\n"));
        assertThrows(P4CompileException.class, () -> Preprocessor.runText("t.p4", "#endif\n"));
        assertThrows(P4CompileException.class, () -> Preprocessor.runText("t.p4", "#define F(x) x\n"));
    }
}

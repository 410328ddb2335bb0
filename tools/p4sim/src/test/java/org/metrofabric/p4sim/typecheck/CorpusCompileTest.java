package org.metrofabric.p4sim.typecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.metrofabric.p4sim.ir.ControlDecl;
import org.metrofabric.p4sim.ir.Program;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every conformance program compiles and its package binds the six v1model blocks. */
class CorpusCompileTest {
    static Path corpus(String name) throws Exception {
        return Paths.get(CorpusCompileTest.class.getResource("/conformance/v1model/" + name + ".p4").toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"arith", "ecmp", "ecmp_change", "hashes", "matchkinds", "meters", "packetio", "parser",
            "replication", "routing", "stateful", "udp_checksum"})
    void compiles(String name) throws Exception {
        Program p = Compiler.compile(corpus(name));
        assertNotNull(p.main());
        assertEquals("V1Switch", p.main().packageType());
        assertEquals(6, p.main().blocks().size());
        assertEquals(0, p.errorNumber("NoError"));
        assertEquals(4, p.errorNumber("HeaderTooShort"));
        assertNotNull(((ControlDecl) p.main().blocks().get(2)).apply());
    }
}

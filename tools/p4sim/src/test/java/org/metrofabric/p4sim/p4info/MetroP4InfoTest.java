package org.metrofabric.p4sim.p4info;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.metrofabric.p4sim.typecheck.Compiler;

/** The P4Info the pipeconf app ships is the one p4sim generates from p4src/metro.p4, byte for byte. */
class MetroP4InfoTest {
    private static final Path REPO = Path.of("../..");
    private static final Path METRO_P4 = REPO.resolve("p4src/metro.p4");
    private static final Path COMMITTED = REPO.resolve("apps/pipeconf/src/main/resources/metro.p4info.txt");

    @Test
    void committedP4InfoIsWhatP4simGenerates() throws IOException {
        String generated = P4InfoWriter.writeText(Compiler.compile(METRO_P4));
        assertEquals(generated, Files.readString(COMMITTED),
                "apps/pipeconf/src/main/resources/metro.p4info.txt is out of date with p4src/metro.p4; regenerate it:\n"
                        + "  mvn -q -pl tools/p4sim package -DskipTests && java -jar tools/p4sim/target/p4sim.jar "
                        + "p4info p4src/metro.p4 -o apps/pipeconf/src/main/resources/metro.p4info.txt");
    }
}

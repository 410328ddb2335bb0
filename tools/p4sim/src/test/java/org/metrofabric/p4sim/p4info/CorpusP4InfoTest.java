package org.metrofabric.p4sim.p4info;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.TextFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.metrofabric.p4sim.typecheck.Compiler;
import p4.config.v1.P4InfoOuterClass.P4Info;

/** p4sim's P4Info of every corpus program equals the one p4c 1.2.3.8 wrote, repeated-entry order aside. */
class CorpusP4InfoTest {
    static final Path CORPUS = Path.of("src/test/resources/conformance/v1model");

    static Stream<String> programs() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".p4"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void p4infoEqualsP4cs(String program) throws IOException {
        P4Info.Builder expected = P4Info.newBuilder();
        TextFormat.getParser().merge(Files.readString(CORPUS.resolve(program + ".p4info.txt")), expected);
        P4Info actual = P4InfoWriter.write(Compiler.compile(CORPUS.resolve(program + ".p4")));
        assertEquals(text(P4InfoNormalizer.normalize(expected.build())), text(P4InfoNormalizer.normalize(actual)),
                program + ": P4Info differs from p4c's " + program + ".p4info.txt");
    }

    private static String text(P4Info p4info) {
        return TextFormat.printer().printToString(p4info);
    }
}

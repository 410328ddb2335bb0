package org.metrofabric.p4sim.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One golden run per corpus program on p4sim compiled from the program's source; failures name the lines. */
class CorpusConformanceTest {
    static List<String> programs() {
        return CorpusFiles.programs();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void reproducesBmv2(String program) {
        GoldenReport report = GoldenPrograms.run(CorpusFiles.directory().resolve(program + ".golden"), sw -> { });
        assertTrue(report.passed(), report.describe());
    }
}

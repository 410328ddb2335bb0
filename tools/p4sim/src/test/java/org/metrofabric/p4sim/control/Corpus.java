package org.metrofabric.p4sim.control;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.metrofabric.p4sim.conformance.P4InfoFiles;
import p4.config.v1.P4InfoOuterClass.P4Info;

/** The conformance corpus's P4Info files, for tests. */
final class Corpus {
    private Corpus() {
    }

    static P4Info p4info(String program) {
        try {
            return P4InfoFiles.read(Path.of(Corpus.class.getResource(
                    "/conformance/v1model/" + program + ".p4info.txt").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

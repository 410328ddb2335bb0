package org.metrofabric.p4sim.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the conformance corpus among the test resources. */
final class CorpusFiles {
    private CorpusFiles() {
    }

    static Path directory() {
        try {
            return Path.of(CorpusFiles.class.getResource("/conformance/v1model/README.md").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> programs() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".golden"))
                    .map(n -> n.substring(0, n.length() - ".golden".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

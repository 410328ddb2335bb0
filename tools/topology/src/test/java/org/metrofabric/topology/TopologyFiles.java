package org.metrofabric.topology;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shipped topologies/ folder from the module directory the tests run in. */
public final class TopologyFiles {
    private TopologyFiles() {
    }

    public static Path topologiesDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("topologies/schema"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no topologies/ folder above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("topologies");
    }

    public static Path shipped(String name) {
        return topologiesDir().resolve(name + ".json");
    }
}

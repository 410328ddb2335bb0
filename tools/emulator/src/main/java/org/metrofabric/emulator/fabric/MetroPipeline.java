package org.metrofabric.emulator.fabric;

import java.nio.file.Files;
import java.nio.file.Path;
import org.metrofabric.p4sim.P4Sim;

/** Finds and compiles the project's P4 program, {@code p4src/metro.p4}. */
public final class MetroPipeline {
    public static final Path RELATIVE_PATH = Path.of("p4src", "metro.p4");

    private MetroPipeline() {
    }

    /** {@code p4src/metro.p4} in {@code start} or the nearest folder above it that has one. */
    public static Path locate(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE_PATH);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("no " + RELATIVE_PATH + " in " + start.toAbsolutePath() + " or above it");
    }

    /** Compiles metro.p4 found from the working directory; compile once and share it between switches. */
    public static P4Sim.LoadedPipeline load() {
        return P4Sim.load(locate(Path.of("")));
    }
}

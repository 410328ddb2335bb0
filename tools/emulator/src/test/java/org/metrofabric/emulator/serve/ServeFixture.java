package org.metrofabric.emulator.serve;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.metrofabric.emulator.fabric.Fabric;
import org.metrofabric.emulator.fabric.MetroPipeline;
import org.metrofabric.emulator.fabric.StaticRoutes;
import org.metrofabric.p4sim.P4Sim;
import org.metrofabric.topology.load.TopologyLoader;

/** A metro-2x4 fabric with static routes (no controller), so hosts can reach each other at once. */
final class ServeFixture {
    static final Path TOPOLOGY = MetroPipeline.locate(Path.of("")).getParent().getParent()
            .resolve("topologies/metro-2x4.json");
    private static final P4Sim.LoadedPipeline PIPELINE = MetroPipeline.load();

    private ServeFixture() {
    }

    static Fabric routedFabric() throws Exception {
        Fabric fabric = Fabric.builder(TopologyLoader.load(TOPOLOGY), PIPELINE).build();
        StaticRoutes.install(fabric);
        return fabric;
    }

    /**
     * Runs every action on the calling (test) thread, for tests that advance the fabric's
     * scheduler themselves between calls: what happens is then exact, not timing-dependent.
     */
    static EmulatorLoop callerThread() {
        return new EmulatorLoop() {
            @Override
            public <T> T call(Supplier<T> action) {
                return action.get();
            }
        };
    }
}

package org.metrofabric.emulator.onos;

import java.nio.file.Path;
import org.metrofabric.emulator.fabric.Fabric;
import org.metrofabric.emulator.fabric.MetroPipeline;
import org.metrofabric.p4sim.P4Sim;
import org.metrofabric.topology.load.TopologyException;
import org.metrofabric.topology.load.TopologyLoader;
import org.metrofabric.topology.model.Topology;
import org.onosproject.net.DeviceId;
import org.onosproject.net.pi.model.PiPipeconf;

/** metro.p4 and its pipeconf loaded once; a fresh metro-2x4 fabric with its embedded ONOS per call. */
final class OnosFixture {
    static final Path P4 = MetroPipeline.locate(Path.of(""));
    static final P4Sim.LoadedPipeline PIPELINE = P4Sim.load(P4);
    static final PiPipeconf PIPECONF = MetroPipeconf.load();
    static final Topology METRO_2X4 = topology("metro-2x4");

    static final DeviceId SPINE1 = DeviceId.deviceId("device:spine1");
    static final DeviceId SPINE2 = DeviceId.deviceId("device:spine2");
    static final DeviceId LEAF1 = DeviceId.deviceId("device:leaf1");
    static final DeviceId LEAF2 = DeviceId.deviceId("device:leaf2");

    private OnosFixture() {
    }

    static Topology topology(String name) {
        try {
            return TopologyLoader.load(P4.getParent().getParent().resolve("topologies").resolve(name + ".json"));
        } catch (TopologyException e) {
            throw new IllegalStateException(e);
        }
    }

    static Fabric fabric() {
        return Fabric.builder(METRO_2X4, PIPELINE).build();
    }

    static EmbeddedOnos onos(Fabric fabric) {
        return EmbeddedOnos.direct(fabric, PIPECONF);
    }
}

package org.metrofabric.emulator.onos;

import org.metrofabric.emulator.fabric.Fabric;

/** {@link RoutingThroughOnosTest}'s flows with every write and read going over P4Runtime (gRPC, in-process). */
class RoutingOverP4RuntimeTest extends RoutingThroughOnosTest {
    @Override
    EmbeddedOnos connect(Fabric emulated) {
        return EmbeddedOnos.overP4Runtime(emulated, OnosFixture.PIPECONF);
    }
}

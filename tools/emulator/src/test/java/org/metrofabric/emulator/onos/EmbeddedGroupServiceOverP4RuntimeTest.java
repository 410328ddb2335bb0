package org.metrofabric.emulator.onos;

import org.metrofabric.emulator.fabric.Fabric;

/** {@link EmbeddedGroupServiceTest} with groups (action profile members and groups, PRE entries) written and read over gRPC. */
class EmbeddedGroupServiceOverP4RuntimeTest extends EmbeddedGroupServiceTest {
    @Override
    EmbeddedOnos connect(Fabric emulated) {
        return EmbeddedOnos.overP4Runtime(emulated, OnosFixture.PIPECONF);
    }
}

package org.metrofabric.emulator.onos;

import org.metrofabric.emulator.fabric.Fabric;

/** {@link P4RuntimeControllerTest} with the P4RuntimeController client calls (writes, counter reads) going over gRPC. */
class P4RuntimeControllerOverP4RuntimeTest extends P4RuntimeControllerTest {
    @Override
    EmbeddedOnos connect(Fabric emulated) {
        return EmbeddedOnos.overP4Runtime(emulated, OnosFixture.PIPECONF);
    }
}

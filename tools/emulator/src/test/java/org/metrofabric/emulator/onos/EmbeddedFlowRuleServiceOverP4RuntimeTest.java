package org.metrofabric.emulator.onos;

import org.metrofabric.emulator.fabric.Fabric;

/** {@link EmbeddedFlowRuleServiceTest} with flow rules written, read and rolled back over gRPC. */
class EmbeddedFlowRuleServiceOverP4RuntimeTest extends EmbeddedFlowRuleServiceTest {
    @Override
    EmbeddedOnos connect(Fabric emulated) {
        return EmbeddedOnos.overP4Runtime(emulated, OnosFixture.PIPECONF);
    }
}

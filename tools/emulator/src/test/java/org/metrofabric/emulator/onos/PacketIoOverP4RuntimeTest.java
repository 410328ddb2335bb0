package org.metrofabric.emulator.onos;

import org.metrofabric.emulator.fabric.Fabric;

/** {@link PacketIoTest}'s packet-ins and packet-outs carried on P4Runtime StreamChannels (gRPC, in-process). */
class PacketIoOverP4RuntimeTest extends PacketIoTest {
    @Override
    EmbeddedOnos connect(Fabric emulated) {
        return EmbeddedOnos.overP4Runtime(emulated, OnosFixture.PIPECONF);
    }
}

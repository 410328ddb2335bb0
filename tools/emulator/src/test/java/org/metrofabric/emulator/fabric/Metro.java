package org.metrofabric.emulator.fabric;

import java.nio.file.Path;
import org.metrofabric.p4sim.P4Sim;
import org.metrofabric.topology.load.TopologyException;
import org.metrofabric.topology.load.TopologyLoader;
import org.metrofabric.topology.model.Topology;

/** metro.p4 compiled once for all tests, and the shipped topologies. */
final class Metro {
    static final Path P4 = MetroPipeline.locate(Path.of(""));
    static final P4Sim.LoadedPipeline PIPELINE = P4Sim.load(P4);

    private Metro() {
    }

    static Topology topology(String name) {
        try {
            return TopologyLoader.load(P4.getParent().getParent().resolve("topologies").resolve(name + ".json"));
        } catch (TopologyException e) {
            throw new IllegalStateException(e);
        }
    }

    static Fabric.Builder fabric(String topologyName) {
        return Fabric.builder(topology(topologyName), PIPELINE);
    }

    /** The CPU-port frame metro.p4 expects from the controller: packet_out{egress_port, pad} + frame. */
    static byte[] packetOut(int egressPort, byte[] frame) {
        byte[] cpuFrame = new byte[frame.length + 2];
        cpuFrame[0] = (byte) (egressPort >>> 1);
        cpuFrame[1] = (byte) ((egressPort & 1) << 7);
        System.arraycopy(frame, 0, cpuFrame, 2, frame.length);
        return cpuFrame;
    }

    /** The ingress port in a packet-in's packet_in header. */
    static int packetInPort(byte[] cpuFrame) {
        return ((cpuFrame[0] & 0xff) << 1) | ((cpuFrame[1] & 0xff) >>> 7);
    }

    /** The frame after a packet-in's packet_in header. */
    static byte[] packetInFrame(byte[] cpuFrame) {
        return java.util.Arrays.copyOfRange(cpuFrame, 2, cpuFrame.length);
    }
}

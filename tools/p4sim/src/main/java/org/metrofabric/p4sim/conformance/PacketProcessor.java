package org.metrofabric.p4sim.conformance;

import java.util.List;

/** The data plane under test: one input frame in, every output frame out. */
@FunctionalInterface
public interface PacketProcessor {
    List<Frame> process(int ingressPort, byte[] frame, long nowNanos);
}

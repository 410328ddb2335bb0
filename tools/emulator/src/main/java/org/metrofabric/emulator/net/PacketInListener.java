package org.metrofabric.emulator.net;

/**
 * Receives the frames a switch sends to its CPU port: exactly the bytes the pipeline emitted,
 * starting with the program's {@code packet_in} controller header (a P4Runtime server would
 * strip that header into PacketIn metadata; the embedded controller does the same).
 */
@FunctionalInterface
public interface PacketInListener {
    void packetIn(SwitchNode from, byte[] cpuFrame, long timeNanos);
}

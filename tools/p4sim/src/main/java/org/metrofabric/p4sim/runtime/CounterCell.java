package org.metrofabric.p4sim.runtime;

/** One mutable counter cell. */
final class CounterCell {
    private long packets;
    private long bytes;

    synchronized void count(int packetLengthBytes) {
        packets++;
        bytes += packetLengthBytes;
    }

    synchronized CounterData read() {
        return new CounterData(packets, bytes);
    }

    synchronized void write(CounterData data) {
        packets = data.packets();
        bytes = data.bytes();
    }
}

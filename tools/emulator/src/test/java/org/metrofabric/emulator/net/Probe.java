package org.metrofabric.emulator.net;

import java.util.ArrayList;
import java.util.List;
import org.metrofabric.emulator.clock.Scheduler;

/** A test node that sends what it is told and records what arrives, with the arrival time. */
final class Probe extends Node {
    record Arrival(long timeNanos, int port, byte[] frame) { }

    final List<Arrival> arrivals = new ArrayList<>();

    Probe(String name, Scheduler scheduler) {
        super(name, scheduler);
    }

    boolean send(int port, byte[] frame, int priority) {
        return transmit(port, frame, priority);
    }

    /** A frame of {@code bytes} whose first byte is {@code tag}, to tell frames apart. */
    static byte[] frame(int bytes, int tag) {
        byte[] frame = new byte[bytes];
        frame[0] = (byte) tag;
        return frame;
    }

    List<Integer> tags() {
        return arrivals.stream().map(a -> (int) a.frame()[0]).toList();
    }

    @Override
    public void receive(int port, byte[] frame) {
        arrivals.add(new Arrival(scheduler.now(), port, frame));
    }
}

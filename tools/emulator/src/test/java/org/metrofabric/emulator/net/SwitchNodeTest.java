package org.metrofabric.emulator.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metrofabric.emulator.clock.Randomness;
import org.metrofabric.emulator.clock.Scheduler;
import org.metrofabric.p4sim.P4Sim;

/**
 * A switch running {@code queue_probe.p4} (output port and priority taken from the frame, queue
 * metadata written back into it) between probes on ports 1 and 2; port 2 is a 1 Gb/s link.
 */
class SwitchNodeTest {
    private static final P4Sim.LoadedPipeline PROBE_PROGRAM = P4Sim.load(Path.of("src/test/resources/queue_probe.p4"));

    private final Scheduler scheduler = new Scheduler();
    private final Network network = new Network(scheduler, new Randomness(3));
    private final SwitchNode sw = network.add(new SwitchNode("sw", scheduler, PROBE_PROGRAM.newSwitch(), 3));
    private final Probe in = network.add(new Probe("in", scheduler));
    private final Probe out = network.add(new Probe("out", scheduler));
    private final Link outLink;

    SwitchNodeTest() {
        QueueConfig queues = new QueueConfig(3, 4);
        network.connect(new Endpoint(in, 1), new Endpoint(sw, 1), LinkSpec.gbps(100, 0), queues, queues);
        outLink = network.connect(new Endpoint(sw, 2), new Endpoint(out, 1), LinkSpec.gbps(1, 0), queues, queues);
    }

    /** A 1000-byte frame to {@code port} at {@code priority}, tagged in its last byte. */
    private static byte[] frame(int port, int priority, int tag) {
        byte[] frame = new byte[1000];
        frame[5] = (byte) port;
        frame[13] = (byte) priority;
        frame[999] = (byte) tag;
        return frame;
    }

    private static long enqDepth(byte[] frame) {
        return ByteBuffer.wrap(frame).getShort(6) & 0xffff;
    }

    private static long deqTimedeltaMicros(byte[] frame) {
        return ByteBuffer.wrap(frame).getInt(8) & 0xffffffffL;
    }

    @Test
    void outputsQueueByPriorityAndEgressSeesTheQueueItJoined() {
        for (int tag = 1; tag <= 4; tag++) {
            sw.receive(1, frame(2, 0, tag));
        }
        sw.receive(1, frame(2, 2, 5));
        scheduler.runUntilIdle();
        List<Integer> order = new ArrayList<>();
        List<Long> depths = new ArrayList<>();
        List<Long> waits = new ArrayList<>();
        for (Probe.Arrival arrival : out.arrivals) {
            order.add((int) arrival.frame()[999]);
            depths.add(enqDepth(arrival.frame()));
            waits.add(deqTimedeltaMicros(arrival.frame()));
        }
        assertEquals(List.of(1, 5, 2, 3, 4), order, "priority 2 overtakes the waiting priority-0 frames");
        // 1000 bytes take 8 µs at 1 Gb/s; frame 1 went straight onto the wire
        assertEquals(List.of(0L, 0L, 0L, 1L, 2L), depths);
        assertEquals(List.of(0L, 8L, 8L, 16L, 24L), waits);
        assertEquals(5, sw.processedFrames());
    }

    @Test
    void fullQueuesTailDropAndUnknownPortsAndTooHighPrioritiesAreLost() {
        for (int tag = 1; tag <= 7; tag++) {
            sw.receive(1, frame(2, 1, tag));
        }
        sw.receive(1, frame(9, 0, 8));
        sw.receive(1, frame(2, 3, 9));
        scheduler.runUntilIdle();
        assertEquals(5, out.arrivals.size(), "one on the wire and four queued");
        assertEquals(2, outLink.egressAt(new Endpoint(sw, 2)).tailDrops(1));
        assertEquals(1, sw.unconnectedDrops());
        assertEquals(9, sw.processedFrames());
    }

    @Test
    void cpuPortFramesGoToTheListenerAndPacketOutsEnterTheFirstPipelinePass() {
        List<String> packetIns = new ArrayList<>();
        sw.setControlChannelDelay(2_000);
        sw.receive(1, frame(SwitchNode.CPU_PORT, 0, 1));
        assertEquals(1, sw.packetInsUnheard());
        sw.setPacketInListener((from, cpuFrame, time) -> packetIns.add(from.name() + " " + cpuFrame[999] + " @" + time));
        scheduler.runFor(1_000);
        sw.receive(1, frame(SwitchNode.CPU_PORT, 0, 2));
        sw.packetOut(frame(2, 0, 3));
        scheduler.runUntilIdle();
        assertEquals(List.of("sw 2 @3000"), packetIns);
        assertEquals(1, out.arrivals.size());
        assertEquals(3, out.arrivals.get(0).frame()[999]);
    }
}

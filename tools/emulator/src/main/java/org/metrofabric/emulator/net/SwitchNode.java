package org.metrofabric.emulator.net;

import java.util.List;
import org.metrofabric.emulator.clock.Scheduler;
import org.metrofabric.p4sim.P4Sim;
import org.metrofabric.p4sim.arch.v1model.OutputPacket;
import org.metrofabric.p4sim.arch.v1model.QueueModel;
import org.metrofabric.p4sim.control.SwitchControl;

/**
 * One p4sim switch in the network. A frame that arrives is run through the P4 pipeline at its
 * arrival time; each frame the pipeline emits is put in the egress queue of its port and leaves
 * when the transmitter reaches it. Frames to the CPU port go to the packet-in listener (after
 * the control-channel delay); {@link #packetOut} injects a frame as if it came from the CPU port.
 *
 * <p>Where this differs from BMv2: p4sim runs the egress pipeline when a packet is enqueued,
 * BMv2 when it is dequeued. So egress sees the queue as it was on arrival: {@code enq_qdepth} is
 * exact (packets ahead in that port and priority queue), {@code deq_timedelta} is the wait the
 * queue predicts at enqueue time (what is ahead at its priority or higher; later arrivals of a
 * higher priority are not foreseen), {@code deq_qdepth} repeats {@code enq_qdepth}, and
 * {@code egress_global_timestamp} is arrival plus the predicted wait.
 */
public final class SwitchNode extends Node {
    /** The CPU port of metro.p4 and of the Mininet launcher ({@code --cpu-port 255}). */
    public static final int CPU_PORT = 255;

    private final int priorityQueues;
    private P4Sim.Switch device;
    private PacketInListener packetInListener;
    private long controlChannelDelayNanos;
    private long packetInsUnheard;
    private long processed;

    /** Wraps {@code device}; its priority queue count must match the egress queue config of its links. */
    public SwitchNode(String name, Scheduler scheduler, P4Sim.Switch device, int priorityQueues) {
        super(name, scheduler);
        this.priorityQueues = priorityQueues;
        attach(device);
    }

    /**
     * Forwards through {@code replacement} from now on: a P4Runtime target replaces its switch when a
     * controller commits a pipeline config (which drops the forwarding state). Call it on the loop's thread.
     */
    public void replaceDevice(P4Sim.Switch replacement) {
        attach(replacement);
    }

    private void attach(P4Sim.Switch sw) {
        sw.dataPlane().setCpuPort(CPU_PORT);
        sw.dataPlane().setPriorityQueues(priorityQueues);
        sw.dataPlane().setQueueModel(this::queueInfo);
        this.device = sw;
    }

    /**
     * The switch's validated PI write/read API (what a P4Runtime server or the controller uses).
     * Use it on the loop's thread (from another thread, through {@code Scheduler.post}): p4sim
     * guards its control API and its pipeline with different locks.
     */
    public SwitchControl control() {
        return device.control();
    }

    public P4Sim.Switch device() {
        return device;
    }

    /** Frames the pipeline has processed (arrivals and packet-outs). */
    public long processedFrames() {
        return processed;
    }

    /** Packet-ins produced while no listener was set. */
    public long packetInsUnheard() {
        return packetInsUnheard;
    }

    public void setPacketInListener(PacketInListener listener) {
        this.packetInListener = listener;
    }

    /** Delay between the pipeline emitting a packet-in and the listener getting it (default 0). */
    public void setControlChannelDelay(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("control channel delay must be >= 0 ns, got " + nanos);
        }
        this.controlChannelDelayNanos = nanos;
    }

    @Override
    public void receive(int port, byte[] frame) {
        process(port, frame);
    }

    /** Runs {@code cpuFrame} (starting with the {@code packet_out} header) through the pipeline now. */
    public void packetOut(byte[] cpuFrame) {
        process(CPU_PORT, cpuFrame);
    }

    private void process(int ingressPort, byte[] frame) {
        processed++;
        List<OutputPacket> outputs = device.dataPlane().process(ingressPort, frame, scheduler.now());
        for (OutputPacket output : outputs) {
            if (output.port() == CPU_PORT) {
                deliverPacketIn(output.bytes());
            } else {
                transmit(output.port(), output.bytes(), output.priority());
            }
        }
    }

    private QueueModel.QueueInfo queueInfo(int port, int priority, long nowMicros) {
        return port(port)
                .map(egress -> {
                    long depth = egress.depth(priority);
                    return new QueueModel.QueueInfo(nowMicros, depth, egress.waitNanos(priority) / 1_000, depth);
                })
                .orElse(new QueueModel.QueueInfo(nowMicros, 0, 0, 0));
    }

    private void deliverPacketIn(byte[] cpuFrame) {
        PacketInListener listener = packetInListener;
        if (listener == null) {
            packetInsUnheard++;
            return;
        }
        scheduler.after(controlChannelDelayNanos, () -> listener.packetIn(this, cpuFrame, scheduler.now()));
    }
}

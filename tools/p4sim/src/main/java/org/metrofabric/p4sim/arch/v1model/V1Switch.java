package org.metrofabric.p4sim.arch.v1model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.metrofabric.p4sim.interp.Environment;
import org.metrofabric.p4sim.interp.Frame;
import org.metrofabric.p4sim.interp.Layout;
import org.metrofabric.p4sim.interp.P4RuntimeError;
import org.metrofabric.p4sim.interp.Pipeline;
import org.metrofabric.p4sim.interp.Tracer;
import org.metrofabric.p4sim.interp.V1Metadata;
import org.metrofabric.p4sim.ir.Program;
import org.metrofabric.p4sim.runtime.CloneSession;
import org.metrofabric.p4sim.runtime.DigestListener;
import org.metrofabric.p4sim.runtime.Replica;
import org.metrofabric.p4sim.runtime.SwitchState;

/**
 * BMv2 simple_switch's packet flow for a v1model program (V1MODEL-SEMANTICS sections 1, 2, 7):
 * parser -> verifyChecksum -> ingress -> traffic manager (I2E clone, digests, resubmit, multicast,
 * drop, unicast) -> egress (E2E clone, drop) -> computeChecksum -> deparser -> out or recirculate.
 * Time is supplied by the caller. One packet is processed at a time.
 */
public final class V1Switch {
    private static final int NORMAL = 0;
    private static final int INGRESS_CLONE = 1;
    private static final int EGRESS_CLONE = 2;
    private static final int RECIRCULATED = 4;
    private static final int REPLICATION = 5;
    private static final int RESUBMITTED = 6;
    private static final int MAX_PASSES = 32;
    private static final long MASK_48 = (1L << 48) - 1;
    private static final long MASK_32 = (1L << 32) - 1;

    private final SwitchState state;
    private final Environment env = new Environment();
    private final Pipeline pipeline;
    private final V1Metadata sm;
    private int cpuPort;
    private int priorityQueues = 1;
    private QueueModel queueModel = QueueModel.EMPTY;
    private Tracer tracer;
    private final Frame ingressFrame;

    public V1Switch(Program program, SwitchState state) {
        this.state = state;
        this.pipeline = new Pipeline(program, state, env);
        this.sm = pipeline.sm;
        this.ingressFrame = pipeline.newFrame();
    }

    public SwitchState state() {
        return state;
    }

    /** The CPU port (BMv2 --cpu-port); 0 means none. Frames to it are PacketIns, from it PacketOuts. */
    public void setCpuPort(int port) {
        if (port < 0 || port > 511) {
            throw new IllegalArgumentException("cpu port must fit bit<9>, got " + port);
        }
        this.cpuPort = port;
    }

    public int cpuPort() {
        return cpuPort;
    }

    public void setDropPort(int port) {
        if (port < 0 || port > 511) {
            throw new IllegalArgumentException("drop port must fit bit<9>, got " + port);
        }
        env.dropPort = port;
    }

    public void setPriorityQueues(int n) {
        if (n < 1 || n > 8) {
            throw new IllegalArgumentException("priority queues must be 1..8, got " + n);
        }
        this.priorityQueues = n;
    }

    public void setQueueModel(QueueModel model) {
        this.queueModel = model;
    }

    public void setDigestListener(DigestListener listener) {
        env.digestListener = listener;
    }

    public void setTracer(Tracer tracer) {
        this.tracer = tracer;
    }

    /** One job of the ingress pipeline: a new frame, a resubmitted or a recirculated one. */
    private record Job(byte[] bytes, int port, int instanceType, Frame preservedFrom, int fieldList) { }

    /** Processes a frame arriving on {@code ingressPort}; returns every frame sent, in the order produced. */
    public synchronized List<OutputPacket> process(int ingressPort, byte[] frame, long nowNanos) {
        List<OutputPacket> out = new ArrayList<>();
        Deque<Job> jobs = new ArrayDeque<>();
        jobs.add(new Job(frame, ingressPort, NORMAL, null, -1));
        for (int pass = 0; !jobs.isEmpty() && pass < MAX_PASSES; pass++) {
            try {
                ingressPass(jobs.poll(), nowNanos, out, jobs);
            } catch (P4RuntimeError e) {
                if (tracer != null) {
                    tracer.note("packet dropped: " + e.getMessage());
                }
            }
        }
        return out;
    }

    private Frame arrive(Job job, long nowNanos) {
        // One frame is reused for every arrival; replicas, clones and requeued jobs work on copies.
        Frame f = ingressFrame;
        f.reset();
        f.tracer = tracer;
        f.packet = job.bytes();
        f.arrivalLength = job.bytes().length;
        f.nowNanos = nowNanos;
        f.words[sm.ingressPort] = job.port();
        f.words[sm.packetLength] = job.bytes().length;
        f.words[sm.instanceType] = job.instanceType();
        // Resubmitted and recirculated packets read ingress_global_timestamp as 0 (BMv2 does not set it).
        f.words[sm.ingressGlobalTimestamp] = job.instanceType() == NORMAL ? (nowNanos / 1000) & MASK_48 : 0;
        if (job.preservedFrom() != null) {
            copyFieldList(job.preservedFrom(), f, job.fieldList());
        }
        return f;
    }

    private void ingressPass(Job job, long nowNanos, List<OutputPacket> out, Deque<Job> jobs) {
        Frame f = arrive(job, nowNanos);
        if (f.tracer != null) {
            f.tracer.pipeline("ingress port " + job.port() + " instance_type " + job.instanceType());
        }
        pipeline.parse(f);
        int parsedBits = validHeaderBits(pipeline.headers, f);
        pipeline.verifyChecksum.run(f);
        pipeline.ingress.run(f);
        int lengthAfterIngress = f.arrivalLength + (validHeaderBits(pipeline.headers, f) - parsedBits) / 8;

        if (f.cloneSession >= 0 && !f.cloneE2E) {
            ingressClone(job, f, nowNanos, out, jobs);
        }
        for (Object[] d : f.digests) {
            @SuppressWarnings("unchecked")
            List<java.math.BigInteger> fields = (List<java.math.BigInteger>) d[1];
            env.digestListener.onDigest((String) d[0], fields);
        }
        if (f.resubmitFieldList >= 0) {
            if (f.tracer != null) {
                f.tracer.pipeline("resubmit");
            }
            jobs.add(new Job(job.bytes(), 0, RESUBMITTED, f.copy(), f.resubmitFieldList));
            return;
        }
        int group = (int) f.words[sm.mcastGrp];
        if (group != 0) {
            List<Replica> replicas = state.pre().multicastGroup(group);
            if (f.tracer != null) {
                f.tracer.pipeline("multicast group " + group + ": " + replicas.size() + " replicas");
            }
            for (Replica r : replicas) {
                Frame copy = f.copy();
                copy.words[sm.egressRid] = r.rid();
                copy.words[sm.instanceType] = REPLICATION;
                enqueue(copy, r.port(), lengthAfterIngress, nowNanos, out, jobs, 0);
            }
            return;
        }
        int egressSpec = (int) f.words[sm.egressSpec];
        if (egressSpec == env.dropPort) {
            if (f.tracer != null) {
                f.tracer.pipeline("dropped (egress_spec = drop port)");
            }
            return;
        }
        f.words[sm.instanceType] = NORMAL;
        enqueue(f, egressSpec, lengthAfterIngress, nowNanos, out, jobs, 0);
    }

    private void ingressClone(Job job, Frame f, long nowNanos, List<OutputPacket> out, Deque<Job> jobs) {
        Optional<CloneSession> session = state.pre().cloneSession(f.cloneSession);
        if (session.isEmpty()) {
            return;
        }
        for (int port : session.get().ports()) {
            Frame c = pipeline.newFrame();
            c.tracer = tracer;
            c.packet = job.bytes();
            c.arrivalLength = job.bytes().length;
            c.nowNanos = nowNanos;
            pipeline.parse(c);
            pipeline.verifyChecksum.run(c);
            zeroMetadata(c);
            copyFieldList(f, c, f.cloneFieldList);
            c.words[sm.instanceType] = INGRESS_CLONE;
            if (c.tracer != null) {
                c.tracer.pipeline("I2E clone to port " + port);
            }
            enqueue(c, port, c.arrivalLength, nowNanos, out, jobs, 0);
        }
    }

    private void enqueue(Frame f, int port, int packetLength, long nowNanos, List<OutputPacket> out,
                         Deque<Job> jobs, int depth) {
        if (f.words[sm.priority] >= priorityQueues) {
            if (f.tracer != null) {
                f.tracer.pipeline("dropped: priority " + f.words[sm.priority] + " >= " + priorityQueues + " queues");
            }
            return;
        }
        int priority = (int) f.words[sm.priority];
        QueueModel.QueueInfo q = queueModel.enqueue(port, priority, nowNanos / 1000);
        f.clearRequests();
        f.words[sm.egressPort] = port;
        // BMv2 starts egress with egress_spec = drop port + 1, truncated to bit<9> (0 for the default 511).
        f.words[sm.egressSpec] = (env.dropPort + 1) & 0x1FF;
        f.words[sm.packetLength] = packetLength & MASK_32;
        f.words[sm.enqTimestamp] = q.enqTimestampMicros() & MASK_32;
        f.words[sm.enqQdepth] = q.enqDepth() & 0x7FFFF;
        f.words[sm.deqTimedelta] = q.deqTimedeltaMicros() & MASK_32;
        f.words[sm.deqQdepth] = q.deqDepth() & 0x7FFFF;
        f.words[sm.egressGlobalTimestamp] = (q.enqTimestampMicros() + q.deqTimedeltaMicros()) & MASK_48;
        egressPass(f, port, priority, nowNanos, out, jobs, depth);
    }

    private void egressPass(Frame f, int port, int priority, long nowNanos, List<OutputPacket> out, Deque<Job> jobs,
                            int depth) {
        if (f.tracer != null) {
            f.tracer.pipeline("egress port " + port);
        }
        pipeline.egress.run(f);
        if (f.cloneSession >= 0 && f.cloneE2E && depth < MAX_PASSES) {
            Optional<CloneSession> session = state.pre().cloneSession(f.cloneSession);
            if (session.isPresent()) {
                for (int clonePort : session.get().ports()) {
                    Frame c = f.copy();
                    zeroMetadata(c);
                    copyFieldList(f, c, f.cloneFieldList);
                    c.words[sm.instanceType] = EGRESS_CLONE;
                    if (c.tracer != null) {
                        c.tracer.pipeline("E2E clone to port " + clonePort);
                    }
                    enqueue(c, clonePort, c.arrivalLength, nowNanos, out, jobs, depth + 1);
                }
            }
        }
        if (f.words[sm.egressSpec] == env.dropPort) {
            if (f.tracer != null) {
                f.tracer.pipeline("dropped in egress");
            }
            return;
        }
        pipeline.computeChecksum.run(f);
        f.out.clear();
        pipeline.deparser.run(f);
        f.out.writeBytes(f.packet, Math.min(f.payloadOffset, f.packet.length), f.packet.length);
        byte[] bytes = f.out.toBytes();
        if (f.truncateLength > 0 && f.truncateLength < bytes.length) {
            bytes = Arrays.copyOf(bytes, f.truncateLength);
        }
        if (f.recirculateFieldList >= 0) {
            if (f.tracer != null) {
                f.tracer.pipeline("recirculate");
            }
            jobs.add(new Job(bytes, 0, RECIRCULATED, f.copy(), f.recirculateFieldList));
            return;
        }
        if (f.tracer != null) {
            f.tracer.pipeline("output port " + port + ": " + java.util.HexFormat.of().formatHex(bytes));
        }
        out.add(new OutputPacket(port, bytes, priority));
    }

    private void zeroMetadata(Frame f) {
        Arrays.fill(f.words, 0, pipeline.metadataWords, 0L);
        Arrays.fill(f.wide, 0, pipeline.metadataWide, java.math.BigInteger.ZERO);
    }

    private void copyFieldList(Frame from, Frame to, int list) {
        List<Layout.Scalar> fields = list < 0 ? null : pipeline.fieldLists.get(list);
        if (fields == null) {
            return;
        }
        for (Layout.Scalar s : fields) {
            if (s.wide()) {
                to.wide[s.slot()] = from.wide[s.slot()];
            } else {
                to.words[s.slot()] = from.words[s.slot()];
            }
        }
    }

    private static int validHeaderBits(Layout l, Frame f) {
        if (l instanceof Layout.Header h) {
            return f.valid[h.validSlot()] ? h.bitLength(f) : 0;
        }
        int sum = 0;
        if (l instanceof Layout.Struct s) {
            for (Layout m : s.members()) {
                sum += validHeaderBits(m, f);
            }
        } else if (l instanceof Layout.Stack st) {
            for (Layout.Header h : st.elements()) {
                sum += validHeaderBits(h, f);
            }
        }
        return sum;
    }

}

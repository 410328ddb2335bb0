package org.metrofabric.emulator.net;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.metrofabric.emulator.clock.Scheduler;

/**
 * A full-duplex point-to-point link between two node ports, the same {@link LinkSpec} in both
 * directions. A frame that finished serialisation propagates for the spec's delay, unless the
 * loss draw removes it. Going down loses what each end has queued or is serialising, and every
 * frame still propagating, even if the link is back up before that frame would have arrived
 * (each up/down change starts a new epoch, and a frame only arrives in the epoch it left in).
 */
public final class Link {
    private final Scheduler scheduler;
    private final Endpoint a;
    private final Endpoint b;
    private final LinkSpec spec;
    private final SplittableRandom lossDraws;
    private final EgressPort fromA;
    private final EgressPort fromB;
    private final Direction aToB = new Direction();
    private final Direction bToA = new Direction();
    private final List<LinkStateListener> listeners = new ArrayList<>();
    private boolean up = true;
    private long epoch;

    /** Counters of one direction. */
    public static final class Direction {
        private long delivered;
        private long lost;
        private long linkDownDrops;

        /** Frames that reached the far end. */
        public long delivered() {
            return delivered;
        }

        /** Frames removed by the loss probability. */
        public long lost() {
            return lost;
        }

        /** Frames on the wire when the link went down. */
        public long linkDownDrops() {
            return linkDownDrops;
        }
    }

    Link(Scheduler scheduler, Endpoint a, Endpoint b, LinkSpec spec, QueueConfig queuesAtA, QueueConfig queuesAtB,
         SplittableRandom lossDraws) {
        this.scheduler = scheduler;
        this.a = a;
        this.b = b;
        this.spec = spec;
        this.lossDraws = lossDraws;
        this.fromA = new EgressPort(scheduler, this, a, queuesAtA);
        this.fromB = new EgressPort(scheduler, this, b, queuesAtB);
    }

    /** Attaches both ends to their nodes; the caller has checked that both ports are free. */
    void attach() {
        a.node().attach(a.port(), fromA);
        b.node().attach(b.port(), fromB);
    }

    public Endpoint a() {
        return a;
    }

    public Endpoint b() {
        return b;
    }

    public LinkSpec spec() {
        return spec;
    }

    public boolean isUp() {
        return up;
    }

    /** The sending side at {@code end}, which must be one of this link's ends. */
    public EgressPort egressAt(Endpoint end) {
        if (end.equals(a)) {
            return fromA;
        }
        if (end.equals(b)) {
            return fromB;
        }
        throw new IllegalArgumentException(end + " is not an end of link " + this);
    }

    /** Counters of frames sent from {@code end} towards the other end. */
    public Direction from(Endpoint end) {
        return egressAt(end) == fromA ? aToB : bToA;
    }

    /** Whether {@code node} is at one of the ends. */
    public boolean touches(Node node) {
        return a.node() == node || b.node() == node;
    }

    public void addListener(LinkStateListener listener) {
        listeners.add(listener);
    }

    /** Takes the link down now: queued and in-flight frames are lost, listeners are told. */
    public void down() {
        setUp(false);
    }

    /** Brings the link back up now. */
    public void up() {
        setUp(true);
    }

    private void setUp(boolean newState) {
        if (up == newState) {
            return;
        }
        up = newState;
        epoch++;
        if (!up) {
            fromA.flush();
            fromB.flush();
        }
        for (LinkStateListener listener : List.copyOf(listeners)) {
            listener.linkStateChanged(this, up, scheduler.now());
        }
    }

    /** {@code sender} finished serialising {@code frame} onto this (up) link. */
    void propagate(EgressPort sender, byte[] frame) {
        Direction direction = sender == fromA ? aToB : bToA;
        Endpoint to = sender == fromA ? b : a;
        if (spec.lossProbability() > 0 && lossDraws.nextDouble() < spec.lossProbability()) {
            direction.lost++;
            return;
        }
        long sentInEpoch = epoch;
        scheduler.after(spec.propagationNanos(), () -> {
            if (sentInEpoch != epoch) {
                direction.linkDownDrops++;
                return;
            }
            direction.delivered++;
            to.node().receive(to.port(), frame);
        });
    }

    @Override
    public String toString() {
        return a + " <-> " + b;
    }
}

package org.metrofabric.p4sim.interp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.metrofabric.p4sim.runtime.BitWriter;

/**
 * All state of one packet while it is processed: every variable's storage (flat arrays laid out
 * at compile time, so the hot path indexes arrays instead of looking names up) plus the packet
 * bytes and the side effects v1model acts on after a block.
 */
public final class Frame {
    public final long[] words;
    public final BigInteger[] wide;
    public final boolean[] valid;

    /** Bytes being parsed; the deparser appends {@code packet[payloadOffset..]}. */
    public byte[] packet;
    public long cursorBits;
    public int payloadOffset;
    public int arrivalLength;
    /** The packet's timestamp: the time its switch was given with the frame. */
    public long nowNanos;
    public Tracer tracer;
    /** Where the deparser's emit writes. */
    public final BitWriter out = new BitWriter();
    /** Scratch buffer for packing field lists (hash, checksums). */
    final BitWriter scratch = new BitWriter();

    // Requests made by externs, acted on by the architecture.
    public int cloneSession = -1;
    public boolean cloneE2E;
    public int cloneFieldList = -1;
    public int resubmitFieldList = -1;
    public int recirculateFieldList = -1;
    public int truncateLength = -1;
    public final List<Object[]> digests = new ArrayList<>(0);

    // Result of the last table application, read by hit/miss, switch and direct_meter.read.
    public boolean lastHit;
    public Object lastAction;
    public int directMeterColor;

    public Frame(int words, int wide, int valid) {
        this.words = new long[words];
        this.wide = new BigInteger[wide];
        this.valid = new boolean[valid];
        Arrays.fill(this.wide, BigInteger.ZERO);
    }

    private Frame(Frame o) {
        this.words = o.words.clone();
        this.wide = o.wide.clone();
        this.valid = o.valid.clone();
        copyContext(o);
    }

    private void copyContext(Frame o) {
        packet = o.packet;
        cursorBits = o.cursorBits;
        payloadOffset = o.payloadOffset;
        arrivalLength = o.arrivalLength;
        nowNanos = o.nowNanos;
        tracer = o.tracer;
        truncateLength = o.truncateLength;
    }

    /** An independent copy (for replicas and clones). */
    public Frame copy() {
        return new Frame(this);
    }

    /** Zeroes everything: all variables, all headers invalid, no pending requests. */
    public void reset() {
        Arrays.fill(words, 0L);
        Arrays.fill(wide, BigInteger.ZERO);
        Arrays.fill(valid, false);
        clearAll();
        cursorBits = 0;
        payloadOffset = 0;
    }

    /** Forgets the requests the traffic manager has acted on; truncate applies at transmission, so it stays. */
    public void clearRequests() {
        int truncate = truncateLength;
        clearAll();
        truncateLength = truncate;
    }

    private void clearAll() {
        cloneSession = -1;
        cloneE2E = false;
        cloneFieldList = -1;
        resubmitFieldList = -1;
        recirculateFieldList = -1;
        truncateLength = -1;
        digests.clear();
        lastHit = false;
        lastAction = null;
        directMeterColor = 0;
    }
}

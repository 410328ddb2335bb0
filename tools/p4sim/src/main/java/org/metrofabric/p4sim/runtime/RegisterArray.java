package org.metrofabric.p4sim.runtime;

import java.math.BigInteger;
import java.util.Arrays;

/** A register array of {@code width}-bit cells, all zero at start; out-of-range accesses do nothing. */
public final class RegisterArray {
    private final String name;
    private final int width;
    private final BigInteger mask;
    private final BigInteger[] cells;

    public RegisterArray(String name, int size, int width) {
        this.name = name;
        this.width = width;
        this.mask = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
        this.cells = new BigInteger[size];
        Arrays.fill(cells, BigInteger.ZERO);
    }

    public String name() {
        return name;
    }

    public int size() {
        return cells.length;
    }

    public int width() {
        return width;
    }

    /** The cell's value, or null when {@code index} is out of range (the caller leaves its destination). */
    public synchronized BigInteger read(long index) {
        return inRange(index) ? cells[(int) index] : null;
    }

    /** Stores the low {@code width} bits of {@code value}; out of range: nothing happens. */
    public synchronized void write(long index, BigInteger value) {
        if (inRange(index)) {
            cells[(int) index] = value.and(mask);
        }
    }

    public boolean inRange(long index) {
        return index >= 0 && index < cells.length;
    }
}

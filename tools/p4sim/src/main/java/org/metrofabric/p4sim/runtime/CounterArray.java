package org.metrofabric.p4sim.runtime;

/** An indexed counter; an index past the end changes nothing (BMv2 only logs it). */
public final class CounterArray {
    private final String name;
    private final CounterCell[] cells;

    public CounterArray(String name, int size) {
        this.name = name;
        this.cells = new CounterCell[size];
        for (int i = 0; i < size; i++) {
            cells[i] = new CounterCell();
        }
    }

    public String name() {
        return name;
    }

    public int size() {
        return cells.length;
    }

    public void count(long index, int packetLengthBytes) {
        if (inRange(index)) {
            cells[(int) index].count(packetLengthBytes);
        }
    }

    /** The cell's value, or null when {@code index} is out of range. */
    public CounterData read(long index) {
        return inRange(index) ? cells[(int) index].read() : null;
    }

    /** Sets a cell (P4Runtime MODIFY of a counter entry). */
    public void write(long index, CounterData data) {
        checkIndex(index);
        cells[(int) index].write(data);
    }

    public boolean inRange(long index) {
        return index >= 0 && index < cells.length;
    }

    private void checkIndex(long index) {
        if (!inRange(index)) {
            throw new IndexOutOfBoundsException(
                    "counter " + name + " index " + index + " outside 0.." + (cells.length - 1));
        }
    }
}

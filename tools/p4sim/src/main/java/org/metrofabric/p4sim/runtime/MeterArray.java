package org.metrofabric.p4sim.runtime;

/** An indexed meter; an index past the end returns GREEN and changes nothing. */
public final class MeterArray {
    private final String name;
    private final boolean countsBytes;
    private final MeterCell[] cells;

    public MeterArray(String name, int size, boolean countsBytes) {
        this.name = name;
        this.countsBytes = countsBytes;
        this.cells = new MeterCell[size];
        for (int i = 0; i < size; i++) {
            cells[i] = new MeterCell(0);
        }
    }

    public String name() {
        return name;
    }

    public int size() {
        return cells.length;
    }

    public boolean countsBytes() {
        return countsBytes;
    }

    /**
     * Colours a packet: GREEN 0, YELLOW 1, RED 2; GREEN when unconfigured. Out of range it returns GREEN and
     * changes nothing, but BMv2 then leaves {@code execute_meter}'s destination unwritten: callers check
     * {@link #inRange} first.
     */
    public int execute(long index, int packetLengthBytes, long nowMicros) {
        if (!inRange(index)) {
            return MeterCell.GREEN;
        }
        return cells[(int) index].execute(countsBytes ? packetLengthBytes : 1, nowMicros);
    }

    public void configure(long index, MeterConfig config) {
        cell(index).configure(config);
    }

    public void unconfigure(long index) {
        cell(index).unconfigure();
    }

    /** The cell's configuration, or null when unconfigured. */
    public MeterConfig config(long index) {
        return cell(index).config();
    }

    public boolean inRange(long index) {
        return index >= 0 && index < cells.length;
    }

    private MeterCell cell(long index) {
        if (!inRange(index)) {
            throw new IndexOutOfBoundsException(
                    "meter " + name + " index " + index + " outside 0.." + (cells.length - 1));
        }
        return cells[(int) index];
    }
}

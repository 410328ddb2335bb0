package org.metrofabric.p4runtime.codec;

/** Index checks for counter and meter cells (P4Runtime spec, CounterEntry / MeterEntry). */
final class CellIndex {

    private CellIndex() {
    }

    /** INVALID_ARGUMENT for a negative index, OUT_OF_RANGE past the array size. */
    static long check(long index, long size, String what) {
        if (index < 0) {
            throw P4RuntimeException.invalidArgument("%s: index %d is negative", what, index);
        }
        if (index >= size) {
            throw P4RuntimeException.outOfRange("%s: index %d is past the last cell (size %d)", what, index, size);
        }
        return index;
    }
}

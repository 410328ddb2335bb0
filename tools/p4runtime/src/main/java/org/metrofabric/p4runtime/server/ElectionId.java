package org.metrofabric.p4runtime.server;

import p4.v1.P4RuntimeOuterClass.Uint128;

/** A P4Runtime election id: an unsigned 128-bit number, ordered as such. */
public record ElectionId(long high, long low) implements Comparable<ElectionId> {

    public static ElectionId of(Uint128 id) {
        return new ElectionId(id.getHigh(), id.getLow());
    }

    public static ElectionId of(long low) {
        return new ElectionId(0, low);
    }

    public Uint128 toProto() {
        return Uint128.newBuilder().setHigh(high).setLow(low).build();
    }

    @Override
    public int compareTo(ElectionId other) {
        int byHigh = Long.compareUnsigned(high, other.high);
        return byHigh != 0 ? byHigh : Long.compareUnsigned(low, other.low);
    }

    @Override
    public String toString() {
        return high == 0 ? Long.toUnsignedString(low)
                : "{high " + Long.toUnsignedString(high) + ", low " + Long.toUnsignedString(low) + "}";
    }
}

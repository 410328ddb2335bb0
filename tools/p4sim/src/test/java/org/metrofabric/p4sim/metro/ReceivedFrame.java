package org.metrofabric.p4sim.metro;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Reads the fields a packet test checks out of a frame the switch sent, without asking p4sim: Ethernet,
 * an optional 802.1Q tag and the IPv4 header. The IPv4 checksum is recomputed here from the header bytes.
 */
record ReceivedFrame(byte[] bytes) {

    long ethDst() {
        return mac(0);
    }

    long ethSrc() {
        return mac(6);
    }

    boolean tagged() {
        return u16(12) == Frames.ETHERTYPE_VLAN;
    }

    /** The EtherType after any 802.1Q tag. */
    int etherType() {
        return tagged() ? u16(16) : u16(12);
    }

    int ttl() {
        return u8(ipv4Offset() + 8);
    }

    int ipv4Checksum() {
        return u16(ipv4Offset() + 10);
    }

    String ipSrc() {
        return dotted(ipv4Offset() + 12);
    }

    String ipDst() {
        return dotted(ipv4Offset() + 16);
    }

    /** The header checksum an end host would compute over this header (options included, checksum zeroed). */
    int recomputedIpv4Checksum() {
        int offset = ipv4Offset();
        int headerLength = (u8(offset) & 0x0f) * 4;
        byte[] header = Arrays.copyOfRange(bytes, offset, offset + headerLength);
        header[10] = 0;
        header[11] = 0;
        return Frames.internetChecksum(header, 0, headerLength);
    }

    private int ipv4Offset() {
        if (etherType() != Frames.ETHERTYPE_IPV4) {
            throw new AssertionError("not an IPv4 frame: " + this);
        }
        return tagged() ? 18 : 14;
    }

    private long mac(int offset) {
        long value = 0;
        for (int i = 0; i < 6; i++) {
            value = (value << 8) | u8(offset + i);
        }
        return value;
    }

    private String dotted(int offset) {
        return u8(offset) + "." + u8(offset + 1) + "." + u8(offset + 2) + "." + u8(offset + 3);
    }

    private int u8(int offset) {
        return bytes[offset] & 0xff;
    }

    private int u16(int offset) {
        return (u8(offset) << 8) | u8(offset + 1);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}

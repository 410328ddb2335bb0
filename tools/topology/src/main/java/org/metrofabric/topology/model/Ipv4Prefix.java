package org.metrofabric.topology.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 address with a prefix length. Used both for subnets (host bits zero) and for host
 * addresses written with their subnet's length ("10.1.1.10/24"); {@link #isNetwork()} tells which.
 */
public record Ipv4Prefix(int address, int length) {
    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    public Ipv4Prefix {
        if (length < 0 || length > 32) {
            throw new IllegalArgumentException("prefix length " + length + " is outside 0..32");
        }
    }

    @JsonCreator
    public static Ipv4Prefix parse(String text) {
        Matcher m = text == null ? null : SYNTAX.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("bad IPv4 prefix \"" + text + "\"; expected A.B.C.D/LEN like 10.1.1.0/24");
        }
        int address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                throw new IllegalArgumentException("bad IPv4 prefix \"" + text + "\"; octet " + octet + " exceeds 255");
            }
            address = (address << 8) | octet;
        }
        int length = Integer.parseInt(m.group(5));
        if (length > 32) {
            throw new IllegalArgumentException("bad IPv4 prefix \"" + text + "\"; length " + length + " exceeds 32");
        }
        return new Ipv4Prefix(address, length);
    }

    public int mask() {
        return length == 0 ? 0 : -1 << (32 - length);
    }

    public Ipv4Prefix network() {
        return new Ipv4Prefix(address & mask(), length);
    }

    public boolean isNetwork() {
        return (address & ~mask()) == 0;
    }

    /** The last address of the prefix (the directed broadcast address for a subnet). */
    public int broadcast() {
        return (address & mask()) | ~mask();
    }

    /** The first host address of the subnet: by this project's convention the leaf's gateway. */
    public int gateway() {
        return (address & mask()) + 1;
    }

    public boolean contains(int otherAddress) {
        return (otherAddress & mask()) == (address & mask());
    }

    public boolean overlaps(Ipv4Prefix other) {
        int shorter = Math.min(length, other.length);
        int commonMask = shorter == 0 ? 0 : -1 << (32 - shorter);
        return (address & commonMask) == (other.address & commonMask);
    }

    public static String addressText(int address) {
        return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "."
                + ((address >>> 8) & 0xff) + "." + (address & 0xff);
    }

    @JsonValue
    @Override
    public String toString() {
        return addressText(address) + "/" + length;
    }
}

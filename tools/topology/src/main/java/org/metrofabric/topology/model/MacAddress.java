package org.metrofabric.topology.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Pattern;

/** A 48-bit Ethernet address, written as six colon-separated hex pairs. */
public record MacAddress(long value) {
    private static final Pattern SYNTAX = Pattern.compile("[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}");

    @JsonCreator
    public static MacAddress parse(String text) {
        if (text == null || !SYNTAX.matcher(text).matches()) {
            throw new IllegalArgumentException("bad MAC address \"" + text + "\"; expected six hex pairs like 00:aa:00:00:00:01");
        }
        return new MacAddress(Long.parseLong(text.replace(":", ""), 16));
    }

    public boolean isMulticast() {
        return ((value >>> 40) & 1) == 1;
    }

    /** Lower-case colon form, as written in topology files. */
    @JsonValue
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            if (shift != 40) {
                text.append(':');
            }
            text.append(String.format("%02x", (value >>> shift) & 0xff));
        }
        return text.toString();
    }

    /** Upper-case colon form, as ONOS prints MAC addresses (and so keys hosts in netcfg). */
    public String toOnosString() {
        return toString().toUpperCase(Locale.ROOT);
    }
}

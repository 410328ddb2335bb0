package org.metrofabric.emulator.packet;

import java.nio.ByteBuffer;
import java.util.Optional;

/** An ARP message for IPv4 over Ethernet (RFC 826). */
public record Arp(int opcode, long senderMac, int senderIp, long targetMac, int targetIp) {
    public static final int REQUEST = 1;
    public static final int REPLY = 2;
    public static final int BYTES = 28;

    public static Arp request(long senderMac, int senderIp, int targetIp) {
        return new Arp(REQUEST, senderMac, senderIp, 0, targetIp);
    }

    public byte[] encode() {
        ByteBuffer buffer = ByteBuffer.allocate(BYTES);
        buffer.putShort((short) 1).putShort((short) Ethernet.TYPE_IPV4).put((byte) 6).put((byte) 4);
        buffer.putShort((short) opcode);
        Ethernet.putMac(buffer, senderMac);
        buffer.putInt(senderIp);
        Ethernet.putMac(buffer, targetMac);
        buffer.putInt(targetIp);
        return buffer.array();
    }

    /** The ARP message after the Ethernet header, if it is a well-formed IPv4-over-Ethernet one. */
    public static Optional<Arp> decode(byte[] frame) {
        int at = Ethernet.HEADER_BYTES;
        if (frame.length < at + BYTES) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(frame, at, BYTES);
        if (buffer.getShort() != 1 || buffer.getShort() != Ethernet.TYPE_IPV4 || buffer.get() != 6 || buffer.get() != 4) {
            return Optional.empty();
        }
        int opcode = buffer.getShort() & 0xffff;
        return Optional.of(new Arp(opcode, Ethernet.getMac(frame, at + 8), buffer.getInt(at + 14),
                Ethernet.getMac(frame, at + 18), buffer.getInt(at + 24)));
    }
}

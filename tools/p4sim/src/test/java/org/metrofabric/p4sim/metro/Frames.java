package org.metrofabric.p4sim.metro;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Test frames in the spirit of PTF's {@code simple_udp_packet(...)}/{@code simple_arp_packet(...)}: every
 * field has a sensible default and is set by name; lengths and the IPv4 header checksum are computed.
 * Addresses are written as text ("10.0.1.1", "00:00:00:00:01:01") so a test reads like a packet trace.
 */
final class Frames {
    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_ARP = 0x0806;
    static final int ETHERTYPE_VLAN = 0x8100;
    static final int ETHERTYPE_LLDP = 0x88cc;
    static final int ETHERTYPE_BDDP = 0x8942;
    static final int PROTO_TCP = 6;
    static final int PROTO_UDP = 17;
    static final String BROADCAST = "ff:ff:ff:ff:ff:ff";
    static final String LLDP_MULTICAST = "01:80:c2:00:00:0e";

    private Frames() {
    }

    /** An IPv4/UDP frame builder with PTF's defaults (TTL 64, ports 1234 → 80, 16 bytes of payload). */
    static Ipv4Frame udp() {
        return new Ipv4Frame(PROTO_UDP);
    }

    /** An IPv4/TCP frame builder (SYN, window 8192). */
    static Ipv4Frame tcp() {
        return new Ipv4Frame(PROTO_TCP);
    }

    /** A broadcast ARP request (Ethernet, IPv4), as a host sends it for its gateway. */
    static byte[] arpRequest(String senderMac, String senderIp, String targetIp) {
        ByteBuffer arp = ByteBuffer.allocate(28);
        arp.putShort((short) 1).putShort((short) ETHERTYPE_IPV4).put((byte) 6).put((byte) 4).putShort((short) 1);
        putMac(arp, senderMac);
        arp.putInt(ip(senderIp));
        putMac(arp, "00:00:00:00:00:00");
        arp.putInt(ip(targetIp));
        return ethernet(BROADCAST, senderMac, ETHERTYPE_ARP, arp.array());
    }

    /** An LLDP frame as ONOS's link discovery emits it: chassis id, port id and TTL TLVs, then END. */
    static byte[] lldp(String srcMac, String chassisId, int portNumber) {
        return ethernet(LLDP_MULTICAST, srcMac, ETHERTYPE_LLDP, discoveryTlvs(chassisId, portNumber));
    }

    /** ONOS's BDDP: the LLDP payload broadcast under EtherType 0x8942, so that it crosses non-LLDP bridges. */
    static byte[] bddp(String srcMac, String chassisId, int portNumber) {
        return ethernet(BROADCAST, srcMac, ETHERTYPE_BDDP, discoveryTlvs(chassisId, portNumber));
    }

    private static byte[] discoveryTlvs(String chassisId, int portNumber) {
        ByteArrayOutputStream tlvs = new ByteArrayOutputStream();
        byte[] chassis = ("\u0007" + chassisId).getBytes(StandardCharsets.US_ASCII);
        tlv(tlvs, 1, chassis);
        tlv(tlvs, 2, new byte[] {2, 0, 0, 0, (byte) portNumber});
        tlv(tlvs, 3, new byte[] {0, 120});
        tlv(tlvs, 0, new byte[0]);
        return tlvs.toByteArray();
    }

    private static void tlv(ByteArrayOutputStream out, int type, byte[] value) {
        int header = (type << 9) | value.length;
        out.write(header >> 8);
        out.write(header);
        out.writeBytes(value);
    }

    static byte[] ethernet(String dstMac, String srcMac, int etherType, byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(14 + payload.length);
        putMac(frame, dstMac);
        putMac(frame, srcMac);
        frame.putShort((short) etherType).put(payload);
        return frame.array();
    }

    /** RFC 1071 one's-complement sum of big-endian 16-bit words, complemented. */
    static int internetChecksum(byte[] bytes, int offset, int length) {
        long sum = 0;
        for (int i = 0; i < length; i += 2) {
            int high = bytes[offset + i] & 0xff;
            int low = i + 1 < length ? bytes[offset + i + 1] & 0xff : 0;
            sum += (high << 8) | low;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }

    static int ip(String dotted) {
        String[] parts = dotted.split("\\.");
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + dotted);
        }
        int value = 0;
        for (String part : parts) {
            value = (value << 8) | Integer.parseInt(part);
        }
        return value;
    }

    static long mac(String text) {
        String hex = text.replace(":", "");
        if (hex.length() != 12) {
            throw new IllegalArgumentException("not a MAC address: " + text);
        }
        return Long.parseLong(hex, 16);
    }

    private static void putMac(ByteBuffer buffer, String mac) {
        long value = mac(mac);
        for (int shift = 40; shift >= 0; shift -= 8) {
            buffer.put((byte) (value >> shift));
        }
    }

    /** Ethernet [/ 802.1Q] / IPv4 [+ options] / UDP or TCP / payload. */
    static final class Ipv4Frame {
        private final int protocol;
        private String ethDst = "00:00:00:00:00:aa";
        private String ethSrc = "00:00:00:00:00:01";
        private Integer vlanId;
        private String ipSrc = "10.0.1.1";
        private String ipDst = "10.0.2.1";
        private int ttl = 64;
        private int dscp;
        private int identification = 1;
        private byte[] options = new byte[0];
        private int srcPort = 1234;
        private int dstPort = 80;
        private byte[] payload = new byte[16];
        private boolean corruptChecksum;

        private Ipv4Frame(int protocol) {
            this.protocol = protocol;
        }

        Ipv4Frame ethDst(String mac) {
            this.ethDst = mac;
            return this;
        }

        Ipv4Frame ethSrc(String mac) {
            this.ethSrc = mac;
            return this;
        }

        /** Adds an 802.1Q tag (PCP 0, DEI 0) with this VLAN id. */
        Ipv4Frame vlan(int vid) {
            this.vlanId = vid;
            return this;
        }

        Ipv4Frame ipSrc(String address) {
            this.ipSrc = address;
            return this;
        }

        Ipv4Frame ipDst(String address) {
            this.ipDst = address;
            return this;
        }

        Ipv4Frame ttl(int value) {
            this.ttl = value;
            return this;
        }

        Ipv4Frame dscp(int value) {
            this.dscp = value;
            return this;
        }

        Ipv4Frame identification(int value) {
            this.identification = value;
            return this;
        }

        /** IPv4 options, a multiple of 4 bytes (IHL grows with them). */
        Ipv4Frame options(byte[] value) {
            if (value.length % 4 != 0 || value.length > 40) {
                throw new IllegalArgumentException("IPv4 options must be 0..40 bytes in 4-byte words");
            }
            this.options = value.clone();
            return this;
        }

        Ipv4Frame ports(int src, int dst) {
            this.srcPort = src;
            this.dstPort = dst;
            return this;
        }

        Ipv4Frame payload(byte[] value) {
            this.payload = value.clone();
            return this;
        }

        /** Writes a header checksum off by one, as a corrupted packet would carry. */
        Ipv4Frame corruptChecksum() {
            this.corruptChecksum = true;
            return this;
        }

        byte[] build() {
            byte[] l4 = protocol == PROTO_UDP ? udpSegment() : tcpSegment();
            int headerLength = 20 + options.length;
            ByteBuffer ipv4 = ByteBuffer.allocate(headerLength + l4.length);
            ipv4.put((byte) (0x40 | headerLength / 4)).put((byte) (dscp << 2))
                    .putShort((short) (headerLength + l4.length)).putShort((short) identification)
                    .putShort((short) 0).put((byte) ttl).put((byte) protocol).putShort((short) 0)
                    .putInt(ip(ipSrc)).putInt(ip(ipDst)).put(options).put(l4);
            byte[] packet = ipv4.array();
            int checksum = internetChecksum(packet, 0, headerLength) + (corruptChecksum ? 1 : 0);
            packet[10] = (byte) (checksum >> 8);
            packet[11] = (byte) checksum;
            if (vlanId == null) {
                return ethernet(ethDst, ethSrc, ETHERTYPE_IPV4, packet);
            }
            ByteBuffer tagged = ByteBuffer.allocate(4 + packet.length);
            tagged.putShort((short) (vlanId & 0xfff)).putShort((short) ETHERTYPE_IPV4).put(packet);
            return ethernet(ethDst, ethSrc, ETHERTYPE_VLAN, tagged.array());
        }

        private byte[] udpSegment() {
            ByteBuffer udp = ByteBuffer.allocate(8 + payload.length);
            udp.putShort((short) srcPort).putShort((short) dstPort).putShort((short) (8 + payload.length))
                    .putShort((short) 0).put(payload);
            return udp.array();
        }

        private byte[] tcpSegment() {
            ByteBuffer tcp = ByteBuffer.allocate(20 + payload.length);
            tcp.putShort((short) srcPort).putShort((short) dstPort).putInt(1).putInt(0)
                    .putShort((short) 0x5002).putShort((short) 8192).putShort((short) 0).putShort((short) 0)
                    .put(payload);
            return tcp.array();
        }
    }
}

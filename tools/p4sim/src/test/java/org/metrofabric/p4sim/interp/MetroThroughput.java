package org.metrofabric.p4sim.interp;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.metrofabric.p4sim.P4Sim;
import org.metrofabric.p4sim.conformance.GoldenParser;
import org.metrofabric.p4sim.conformance.GoldenReport;
import org.metrofabric.p4sim.conformance.GoldenRunner;

/**
 * Throughput probe for p4src/metro.p4 (a main program, not a test): 1,000 /24 routes to a 4-member
 * ECMP group, 256 TCP flows, packets per second of this thread's CPU time. Run from tools/p4sim:
 * {@code java -cp target/test-classes:target/classes:<deps> org.metrofabric.p4sim.interp.MetroThroughput}
 */
public final class MetroThroughput {
    private MetroThroughput() {
    }

    public static void main(String[] args) {
        P4Sim.Switch sw = P4Sim.load(Path.of(args.length > 0 ? args[0] : "../../p4src/metro.p4")).newSwitch();
        List<String> lines = new ArrayList<>();
        for (int m = 1; m <= 4; m++) {
            lines.add("member_add IngressPipe.ecmp_selector " + m + " IngressPipe.set_next_hop(port=" + m
                    + ", src_mac=0x1, dst_mac=0x2)");
        }
        lines.add("group_add IngressPipe.ecmp_selector 1 1 2 3 4");
        lines.add("bind_profile IngressPipe.ecmp IngressPipe.ecmp_selector");
        lines.add("table_add IngressPipe.ecmp meta.ecmp_group_id=1 => group(1)");
        for (int i = 0; i < 1000; i++) {
            lines.add("table_add IngressPipe.routing_v4 hdr.ipv4.dst_addr=" + ((10L << 24) | ((long) i << 8))
                    + "/24 => IngressPipe.route_via_uplinks(ecmp_group_id=1)");
        }
        GoldenReport setup = GoldenRunner.run(GoldenParser.parse("entries", lines), sw.control(),
                (port, frame, now) -> List.of());
        if (!setup.passed()) {
            throw new IllegalStateException(setup.describe());
        }
        List<byte[]> packets = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            String ipv4 = String.format("45000028000100004006%04x0b0000%02x0a00%02x05", 0, i, i % 200);
            String tcp = String.format("%04x0050", 1000 + i) + "0000000000000000500200000000" + "0000";
            byte[] b = HexFormat.of().parseHex("000000000001000000000002" + "0800" + ipv4 + tcp);
            int sum = 0;
            for (int k = 14; k < 34; k += 2) {
                sum += ((b[k] & 0xff) << 8) | (b[k + 1] & 0xff);
            }
            while ((sum >> 16) != 0) {
                sum = (sum & 0xffff) + (sum >> 16);
            }
            sum = ~sum & 0xffff;
            b[24] = (byte) (sum >> 8);
            b[25] = (byte) sum;
            packets.add(b);
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long sent = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < 3_000_000_000L) {
            for (byte[] p : packets) {
                sw.dataPlane().process(1, p, sent++);
            }
        }
        sent = 0;
        long cpuStart = cpu.getCurrentThreadCpuTime();
        start = System.nanoTime();
        while (System.nanoTime() - start < 10_000_000_000L) {
            for (byte[] p : packets) {
                sw.dataPlane().process(1, p, sent++);
            }
        }
        double seconds = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf("metro.p4: %,d packets/s of CPU time%n", (long) (sent / seconds));
    }
}

package org.metrofabric.p4sim.interp;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.metrofabric.p4sim.P4Sim;
import org.metrofabric.p4sim.conformance.GoldenCommand;
import org.metrofabric.p4sim.conformance.GoldenFile;
import org.metrofabric.p4sim.conformance.GoldenParser;
import org.metrofabric.p4sim.conformance.GoldenRunner;

/**
 * Throughput probe (a main program, not a test): replays a corpus golden's packets with its entries
 * installed and reports packets per second of this thread's CPU time, so a loaded machine does not
 * distort the figure. Run from tools/p4sim after {@code mvn test-compile}:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.metrofabric.p4sim.interp.CorpusThroughput routing}
 */
public final class CorpusThroughput {
    private CorpusThroughput() {
    }

    public static void main(String[] args) {
        Path dir = Path.of("src/test/resources/conformance/v1model");
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (String program : args) {
            P4Sim.Switch sw = P4Sim.load(dir.resolve(program + ".p4")).newSwitch();
            GoldenFile golden = GoldenParser.parse(dir.resolve(program + ".golden"));
            List<GoldenCommand> controlLines = new ArrayList<>();
            List<GoldenCommand.Packet> packets = new ArrayList<>();
            for (GoldenCommand c : golden.commands()) {
                if (c instanceof GoldenCommand.Packet p) {
                    packets.add(p);
                } else if (c instanceof GoldenCommand.TableAdd || c instanceof GoldenCommand.TableDefault
                        || c instanceof GoldenCommand.MemberAdd || c instanceof GoldenCommand.GroupAdd
                        || c instanceof GoldenCommand.BindProfile || c instanceof GoldenCommand.McGroup
                        || c instanceof GoldenCommand.CloneSessionLine) {
                    controlLines.add(c);
                }
            }
            GoldenRunner.run(new GoldenFile(program, controlLines), sw.control(), (port, frame, now) -> List.of());
            long sent = 0;
            long start = System.nanoTime();
            while (System.nanoTime() - start < 2_000_000_000L) {
                for (GoldenCommand.Packet p : packets) {
                    sw.dataPlane().process(p.port(), p.frame(), sent++);
                }
            }
            sent = 0;
            long cpuStart = cpu.getCurrentThreadCpuTime();
            start = System.nanoTime();
            while (System.nanoTime() - start < 5_000_000_000L) {
                for (GoldenCommand.Packet p : packets) {
                    sw.dataPlane().process(p.port(), p.frame(), sent++);
                }
            }
            double seconds = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            System.out.printf("%s: %,d packets/s of CPU time%n", program, (long) (sent / seconds));
        }
    }
}

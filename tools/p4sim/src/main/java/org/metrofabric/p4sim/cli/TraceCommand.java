package org.metrofabric.p4sim.cli;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import org.metrofabric.p4sim.P4Sim;
import org.metrofabric.p4sim.arch.v1model.OutputPacket;
import org.metrofabric.p4sim.conformance.GoldenCommand;
import org.metrofabric.p4sim.conformance.GoldenFile;
import org.metrofabric.p4sim.conformance.GoldenParser;
import org.metrofabric.p4sim.conformance.GoldenReport;
import org.metrofabric.p4sim.conformance.GoldenRunner;
import org.metrofabric.p4sim.conformance.Mismatch;
import org.metrofabric.p4sim.frontend.P4CompileException;
import org.metrofabric.p4sim.interp.Tracer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code p4sim trace FILE.p4 --entries FILE --packet HEX [--port N]}: installs control-plane entries
 * (golden command format: table_add, member_add, group_add, mc_group, clone_session, ...), sends one
 * packet and prints its path: parser states, tables with hit/miss and action, output ports and bytes.
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Trace one packet through a v1model program, like BMv2's log.")
public final class TraceCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.p4", description = "the P4_16 v1model program")
    private Path program;

    @Option(names = "--entries", paramLabel = "FILE",
            description = "control-plane lines in the golden format (table_add, mc_group, ...)")
    private Path entries;

    @picocli.CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    private Input input;

    /** Exactly one source of frames. */
    static final class Input {
        @Option(names = "--packet", paramLabel = "HEX", description = "one frame, in hex")
        String packet;

        @Option(names = "--pcap", paramLabel = "FILE", description = "every frame of a pcap file, in order")
        Path pcap;
    }

    @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "ingress port (default 0)")
    private int port;

    @Option(names = "--cpu-port", paramLabel = "N", description = "the switch's CPU port (default: none)")
    private Integer cpuPort;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<byte[]> frames;
        try {
            frames = input.packet != null
                    ? List.of(HexFormat.of().parseHex(input.packet.replaceAll("[\\s:]", "")))
                    : Pcap.read(input.pcap);
        } catch (IllegalArgumentException e) {
            err.println((input.packet != null ? "--packet: not hex: " : "--pcap: ") + e.getMessage());
            return 2;
        }
        P4Sim.Switch sw;
        try {
            sw = P4Sim.load(program).newSwitch();
        } catch (P4CompileException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (cpuPort != null) {
            sw.dataPlane().setCpuPort(cpuPort);
        }
        if (entries != null && !installEntries(sw, err)) {
            return 2;
        }
        sw.dataPlane().setTracer(new PrintingTracer(out));
        long now = 0;
        for (byte[] frame : frames) {
            out.println("packet in on port " + port + ": " + HexFormat.of().formatHex(frame));
            List<OutputPacket> sent = sw.dataPlane().process(port, frame, now);
            now += 1_000_000;
            if (sent.isEmpty()) {
                out.println("no frame sent (dropped)");
            }
            for (OutputPacket p : sent) {
                out.println("packet out on port " + p.port() + " (" + p.bytes().length + " bytes): "
                        + HexFormat.of().formatHex(p.bytes()));
            }
        }
        out.flush();
        return 0;
    }

    private boolean installEntries(P4Sim.Switch sw, PrintWriter err) {
        GoldenFile file;
        try {
            file = GoldenParser.parse(entries);
        } catch (RuntimeException e) {
            err.println(e.getMessage());
            return false;
        }
        List<GoldenCommand> controlLines = new ArrayList<>();
        for (GoldenCommand c : file.commands()) {
            if (!(c instanceof GoldenCommand.Packet || c instanceof GoldenCommand.Expect)) {
                controlLines.add(c);
            }
        }
        GoldenReport report = GoldenRunner.run(new GoldenFile(file.name(), controlLines), sw.control(),
                (p, bytes, now) -> List.of());
        for (Mismatch m : report.mismatches()) {
            err.println(entries + ":" + m.line() + ": " + m.what() + ": " + m.actual());
        }
        return report.passed();
    }

    /** Prints each step as it happens. */
    private static final class PrintingTracer implements Tracer {
        private final PrintWriter out;

        PrintingTracer(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void parserState(String parser, String state) {
            out.println("  parser " + parser + ": state " + state);
        }

        @Override
        public void parserError(String error) {
            out.println("  parser error: " + error + " (ingress continues with parser_error set)");
        }

        @Override
        public void tableApplied(String table, boolean hit, String action, List<String> paramNames,
                                 List<BigInteger> args) {
            StringBuilder sb = new StringBuilder("  table " + table + ": " + (hit ? "hit" : "miss"));
            if (action == null) {
                sb.append(", no action (empty group)");
            } else {
                sb.append(" -> ").append(action).append('(');
                for (int i = 0; i < args.size(); i++) {
                    sb.append(i > 0 ? ", " : "").append(i < paramNames.size() ? paramNames.get(i) + "=" : "")
                            .append("0x").append(args.get(i).toString(16));
                }
                sb.append(')');
            }
            out.println(sb);
        }

        @Override
        public void actionRun(String action) {
            out.println("    action " + action);
        }

        @Override
        public void pipeline(String stage) {
            out.println("[" + stage + "]");
        }

        @Override
        public void note(String text) {
            out.println("  " + text);
        }
    }
}

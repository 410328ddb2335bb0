package org.metrofabric.p4sim.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.metrofabric.p4sim.control.ControlException;
import org.metrofabric.p4sim.control.SwitchControl;

/**
 * Runs a golden file against a switch: control-plane lines go through the control API, each {@code packet}
 * goes through the data plane and its output frames (sorted by port, then bytes) are compared with the
 * {@code expect} lines that follow it, and read-back lines are compared where they appear.
 *
 * <p>Virtual time: packet k (counting from 0) arrives at (k + 1) × 0.25 s after switch start, as the
 * recordings sent frames about 0.25 s apart. Only meters depend on it.
 */
public final class GoldenRunner {
    public static final long PACKET_SPACING_NANOS = 250_000_000L;

    private GoldenRunner() {
    }

    public static GoldenReport run(GoldenFile golden, SwitchControl control, PacketProcessor dataPlane) {
        GoldenControlPlane controlPlane = new GoldenControlPlane(control);
        List<Mismatch> mismatches = new ArrayList<>();
        List<GoldenCommand> commands = golden.commands();
        int packets = 0;
        int checks = 0;
        for (int i = 0; i < commands.size(); i++) {
            GoldenCommand command = commands.get(i);
            if (command instanceof GoldenCommand.Packet packet) {
                List<GoldenCommand.Expect> expects = new ArrayList<>();
                while (i + 1 < commands.size() && commands.get(i + 1) instanceof GoldenCommand.Expect expect) {
                    expects.add(expect);
                    i++;
                }
                packets++;
                long now = packets * PACKET_SPACING_NANOS;
                comparePacket(packet, expects, dataPlane, now, mismatches);
            } else if (command instanceof GoldenCommand.Expect expect) {
                mismatches.add(new Mismatch(expect.line(), "expect without a packet line before it",
                        "a packet line", "none"));
            } else if (isReadBack(command)) {
                checks++;
                String expected = GoldenControlPlane.expectedReadBack(command);
                try {
                    String actual = controlPlane.readBack(command);
                    if (!expected.equals(actual)) {
                        mismatches.add(new Mismatch(command.line(), quote(golden, command), expected, actual));
                    }
                } catch (ControlException | IllegalArgumentException e) {
                    mismatches.add(new Mismatch(command.line(), quote(golden, command), expected,
                            "read failed: " + e.getMessage()));
                }
            } else {
                try {
                    controlPlane.apply(command);
                } catch (ControlException | IllegalArgumentException e) {
                    mismatches.add(new Mismatch(command.line(), "rejected: " + quote(golden, command), "accepted",
                            e.getMessage()));
                }
            }
        }
        return new GoldenReport(golden.name(), packets, checks, mismatches);
    }

    private static boolean isReadBack(GoldenCommand command) {
        return command instanceof GoldenCommand.CounterCheck || command instanceof GoldenCommand.DirectCounterCheck
                || command instanceof GoldenCommand.RegisterCheck;
    }

    private static String quote(GoldenFile golden, GoldenCommand command) {
        String text = golden.text(command.line());
        return text.isEmpty() ? command.toString() : text;
    }

    private static void comparePacket(GoldenCommand.Packet packet, List<GoldenCommand.Expect> expects,
                                      PacketProcessor dataPlane, long nowNanos, List<Mismatch> mismatches) {
        String what = "packet on port " + packet.port();
        if (expects.isEmpty()) {
            mismatches.add(new Mismatch(packet.line(), what + " has no expect lines",
                    "expect lines or 'expect none'", "none"));
            return;
        }
        boolean expectsNone = expects.stream().anyMatch(GoldenCommand.Expect::none);
        if (expectsNone && expects.size() > 1) {
            mismatches.add(new Mismatch(packet.line(), what + ": 'expect none' mixed with frames",
                    "either 'expect none' or frames", expects.size() + " expect lines"));
            return;
        }
        List<Frame> expected = expectsNone ? List.of()
                : expects.stream().map(e -> new Frame(e.port(), e.frame())).sorted(Frame.GOLDEN_ORDER).toList();
        List<Frame> actual;
        try {
            actual = new ArrayList<>(dataPlane.process(packet.port(), packet.frame(), nowNanos));
        } catch (RuntimeException e) {
            mismatches.add(new Mismatch(packet.line(), what, format(expected), "exception: " + e));
            return;
        }
        actual.sort(Frame.GOLDEN_ORDER);
        if (!expected.equals(actual)) {
            mismatches.add(new Mismatch(packet.line(), what + firstDifference(expected, actual),
                    format(expected), format(actual)));
        }
    }

    private static String format(List<Frame> frames) {
        if (frames.isEmpty()) {
            return "none";
        }
        return frames.stream().map(Frame::toString).collect(Collectors.joining("\n              "));
    }

    /** For one frame each on the same port, where the bytes first differ. */
    private static String firstDifference(List<Frame> expected, List<Frame> actual) {
        if (expected.size() != 1 || actual.size() != 1 || expected.get(0).port() != actual.get(0).port()) {
            return "";
        }
        byte[] want = expected.get(0).bytes();
        byte[] got = actual.get(0).bytes();
        int length = Math.min(want.length, got.length);
        for (int i = 0; i < length; i++) {
            if (want[i] != got[i]) {
                return " (first difference at byte " + i + ")";
            }
        }
        return " (lengths " + want.length + " vs " + got.length + ")";
    }
}

package org.metrofabric.emulator.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.metrofabric.emulator.clock.SimTime;
import org.metrofabric.emulator.fabric.Fabric;
import org.metrofabric.emulator.hosts.Host;
import org.metrofabric.emulator.hosts.PingSession;

/**
 * A line console for the emulated hosts of a fabric whose loop runs in real time: {@code ping SRC DST
 * [COUNT]}, {@code hosts}, {@code quit}. Everything it does to the fabric runs on the loop.
 */
public final class FabricConsole {
    static final String HELP = "commands: ping SRC DST [COUNT] | hosts | quit";
    private static final long PING_INTERVAL_NANOS = SimTime.millis(10);
    /** How long after the last echo request a ping waits for replies. */
    private static final long PING_GRACE_MILLIS = 1_000;
    private static final long LOOP_TIMEOUT_SECONDS = 10;

    private final Fabric fabric;
    private final PrintWriter out;

    public FabricConsole(Fabric fabric, PrintWriter out) {
        this.fabric = fabric;
        this.out = out;
    }

    /** Runs commands from {@code in} until {@code quit} or its end. */
    public void run(BufferedReader in) {
        out.println(HELP);
        out.flush();
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!execute(line.trim())) {
                    return;
                }
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("console input failed: " + e.getMessage(), e);
        }
    }

    /** Runs one command; false for {@code quit}. */
    boolean execute(String line) {
        if (line.isEmpty()) {
            return true;
        }
        List<String> words = List.of(line.split("\\s+"));
        switch (words.get(0)) {
            case "quit" -> {
                return false;
            }
            case "hosts" -> fabric.hosts().forEach((name, host) -> out.println(name));
            case "ping" -> ping(words);
            default -> out.println("unknown command '" + words.get(0) + "'; " + HELP);
        }
        return true;
    }

    private void ping(List<String> words) {
        if (words.size() < 3 || words.size() > 4) {
            out.println("usage: ping SRC DST [COUNT]");
            return;
        }
        Host source = fabric.hosts().get(words.get(1));
        Host destination = fabric.hosts().get(words.get(2));
        if (source == null || destination == null) {
            out.println("no host " + (source == null ? words.get(1) : words.get(2)) + "; see 'hosts'");
            return;
        }
        int count;
        try {
            count = words.size() == 4 ? Integer.parseInt(words.get(3)) : 3;
        } catch (NumberFormatException e) {
            count = 0;
        }
        if (count < 1 || count > 1000) {
            out.println("COUNT must be a whole number from 1 to 1000, got '" + words.get(3) + "'");
            return;
        }
        int echoes = count;
        PingSession session = onLoop(() -> source.ping(destination.ip(), echoes, PING_INTERVAL_NANOS));
        try {
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(PING_INTERVAL_NANOS * count) + PING_GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        String result = onLoop(() -> session.sent() + " sent, " + session.received() + " received"
                + session.rttNanos().stream().mapToLong(Long::longValue).average()
                .stream().mapToObj(avg -> String.format(", mean rtt %.1f us", avg / 1e3)).findFirst().orElse(""));
        out.println(words.get(1) + " -> " + words.get(2) + ": " + result);
    }

    private <T> T onLoop(Supplier<T> action) {
        return fabric.scheduler().call(action, LOOP_TIMEOUT_SECONDS);
    }
}

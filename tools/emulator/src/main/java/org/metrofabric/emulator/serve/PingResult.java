package org.metrofabric.emulator.serve;

import java.util.List;
import java.util.Locale;
import org.metrofabric.emulator.scenario.Durations;

/** What a ping from one host to another got back: requests sent, replies received and their round-trip times (ns). */
public record PingResult(String from, String to, int sent, int received, List<Long> rttNanos) {
    public PingResult {
        rttNanos = List.copyOf(rttNanos);
    }

    /** One line, e.g. {@code h1a -> h2a: 3 sent, 3 received, rtt min/mean/max 21 us/21.5 us/23 us}. */
    public String text() {
        String line = String.format(Locale.ROOT, "%s -> %s: %d sent, %d received", from, to, sent, received);
        if (rttNanos.isEmpty()) {
            return line;
        }
        long min = rttNanos.stream().mapToLong(Long::longValue).min().orElseThrow();
        long max = rttNanos.stream().mapToLong(Long::longValue).max().orElseThrow();
        double mean = rttNanos.stream().mapToLong(Long::longValue).average().orElseThrow();
        return line + ", rtt min/mean/max " + Durations.format(min) + "/" + Durations.format(Math.round(mean)) + "/"
                + Durations.format(max);
    }
}

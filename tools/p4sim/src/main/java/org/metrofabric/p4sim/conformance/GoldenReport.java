package org.metrofabric.p4sim.conformance;

import java.util.List;

/** The outcome of running one golden file. */
public record GoldenReport(String name, int packets, int checks, List<Mismatch> mismatches) {
    public GoldenReport {
        mismatches = List.copyOf(mismatches);
    }

    public boolean passed() {
        return mismatches.isEmpty();
    }

    /** A multi-line summary: PASS/FAIL, counts and every mismatch. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(passed() ? "PASS " : "FAIL ").append(name).append(": ").append(packets).append(" packets, ")
                .append(checks).append(" read-backs");
        if (!passed()) {
            text.append(", ").append(mismatches.size()).append(" mismatches");
            for (Mismatch mismatch : mismatches) {
                text.append("\n  ").append(name).append(' ').append(mismatch);
            }
        }
        return text.toString();
    }
}

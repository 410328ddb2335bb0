package org.metrofabric.emulator.scenario;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Scenario times: a number with a unit ({@code 250ns}, {@code 20us}, {@code 1.5ms}, {@code 2s}), as virtual ns. */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,12}(?:\\.\\d{1,9})?)\\s*(ns|us|µs|ms|s)");

    private Durations() {
    }

    /** Reads a duration of whole nanoseconds; the error names {@code field}. */
    public static long parse(String field, String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new ScenarioException(field, "\"" + text + "\" is not a time; write a number and a unit, e.g. 250ns, 20us, 1.5ms, 2s");
        }
        long unit = switch (m.group(2)) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            default -> 1_000_000_000L;
        };
        BigDecimal nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit));
        if (nanos.stripTrailingZeros().scale() > 0) {
            throw new ScenarioException(field, "\"" + text + "\" is not a whole number of nanoseconds");
        }
        return nanos.longValueExact();
    }

    /** The most readable of ns, µs, ms and s for {@code nanos}. */
    public static String format(long nanos) {
        long magnitude = Math.abs(nanos);
        if (magnitude >= 1_000_000_000L) {
            return trim(nanos / 1e9) + " s";
        }
        if (magnitude >= 1_000_000L) {
            return trim(nanos / 1e6) + " ms";
        }
        if (magnitude >= 1_000L) {
            return trim(nanos / 1e3) + " us";
        }
        return nanos + " ns";
    }

    private static String trim(double value) {
        String text = String.format(Locale.ROOT, "%.3f", value);
        return text.replaceAll("\\.?0+$", "");
    }
}

package org.metrofabric.fabric.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.onlab.packet.IpAddress;
import org.onlab.packet.IpPrefix;

/**
 * The one reader of the path-intent syntax, shared by the Karaf CLI, REST and scenario files:
 * <pre>metro-path-add NAME FROM TO [--latency-us N] [--bandwidth-mbps N]</pre>
 * FROM is the user end, TO the cloud end; each is a host name, an IPv4 address or an IPv4 prefix.
 * Every error names its field. Whether the endpoints exist and sit on the right kind of leaf is
 * the planner's question, not the parser's.
 */
public final class PathIntentParser {
    public static final String COMMAND = "metro-path-add";
    public static final String LATENCY_OPTION = "--latency-us";
    public static final String BANDWIDTH_OPTION = "--bandwidth-mbps";
    public static final String FIELD_NAME = "name";
    public static final String FIELD_FROM = "from";
    public static final String FIELD_TO = "to";
    public static final String FIELD_LATENCY = "latency-us";
    public static final String FIELD_BANDWIDTH = "bandwidth-mbps";
    /** One second: a metro path with a larger budget is a typo, not an SLA. */
    public static final long MAX_LATENCY_MICROS = 1_000_000L;
    /** One terabit per second. */
    public static final long MAX_BANDWIDTH_MBPS = 1_000_000L;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV4_PREFIX = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,19}");

    private PathIntentParser() {
    }

    /**
     * Reads an intent from its fields, as the CLI and REST receive them.
     *
     * @param latencyUs     null or empty when there is no budget
     * @param bandwidthMbps null or empty for best effort
     */
    public static PathIntent parse(String name, String from, String to, String latencyUs, String bandwidthMbps) {
        String intentName = parseName(name);
        Endpoint user = parseEndpoint(FIELD_FROM, from);
        Endpoint cloud = parseEndpoint(FIELD_TO, to);
        if (user.equals(cloud)) {
            throw new IntentSyntaxException(FIELD_TO, "the cloud end must differ from the user end (" + from + ")");
        }
        Long latency = isAbsent(latencyUs) ? null : parseBounded(FIELD_LATENCY, latencyUs, MAX_LATENCY_MICROS, "us");
        long bandwidth = isAbsent(bandwidthMbps) ? 0 : parseBounded(FIELD_BANDWIDTH, bandwidthMbps, MAX_BANDWIDTH_MBPS, "Mb/s");
        return new PathIntent(intentName, user, cloud, latency, bandwidth);
    }

    /** Reads a whole command line; the leading {@value #COMMAND} is optional. */
    public static PathIntent parseCommand(String line) {
        List<String> words = new ArrayList<>(Arrays.asList(line == null ? new String[0] : line.trim().split("\\s+")));
        words.removeIf(String::isEmpty);
        if (!words.isEmpty() && words.get(0).equals(COMMAND)) {
            words.remove(0);
        }
        List<String> positional = new ArrayList<>();
        String latency = null;
        String bandwidth = null;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--")) {
                positional.add(word);
                continue;
            }
            String option = word;
            String value = null;
            int equals = word.indexOf('=');
            if (equals > 0) {
                option = word.substring(0, equals);
                value = word.substring(equals + 1);
            } else if (i + 1 < words.size()) {
                value = words.get(++i);
            }
            if (option.equals(LATENCY_OPTION)) {
                latency = requireOptionValue(FIELD_LATENCY, latency, value);
            } else if (option.equals(BANDWIDTH_OPTION)) {
                bandwidth = requireOptionValue(FIELD_BANDWIDTH, bandwidth, value);
            } else {
                throw new IntentSyntaxException(option.substring(2), "unknown option " + option
                        + "; expected " + LATENCY_OPTION + " or " + BANDWIDTH_OPTION);
            }
        }
        String[] fields = {FIELD_NAME, FIELD_FROM, FIELD_TO};
        if (positional.size() < fields.length) {
            throw new IntentSyntaxException(fields[positional.size()], "missing; expected "
                    + COMMAND + " NAME FROM TO [" + LATENCY_OPTION + " N] [" + BANDWIDTH_OPTION + " N]");
        }
        if (positional.size() > fields.length) {
            throw new IntentSyntaxException(FIELD_TO, "unexpected extra word \"" + positional.get(fields.length) + "\"");
        }
        return parse(positional.get(0), positional.get(1), positional.get(2), latency, bandwidth);
    }

    /** Checks an intent name (also what metro-path-remove takes). */
    public static String parseName(String name) {
        if (isAbsent(name)) {
            throw new IntentSyntaxException(FIELD_NAME, "missing");
        }
        if (!NAME.matcher(name).matches()) {
            throw new IntentSyntaxException(FIELD_NAME, "bad name \"" + name
                    + "\"; use up to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }

    /** Reads a host name, an IPv4 address (a /32) or an IPv4 prefix with no host bits set. */
    public static Endpoint parseEndpoint(String field, String text) {
        if (isAbsent(text)) {
            throw new IntentSyntaxException(field, "missing");
        }
        if (IPV4_PREFIX.matcher(text).matches()) {
            String[] parts = text.split("/");
            IpAddress address = parseAddress(field, parts[0]);
            int length = Integer.parseInt(parts[1]);
            if (length > IpPrefix.MAX_INET_MASK_LENGTH) {
                throw new IntentSyntaxException(field, "prefix length " + length + " exceeds 32 in \"" + text + "\"");
            }
            IpPrefix prefix = IpPrefix.valueOf(address, length);
            if (!prefix.address().equals(address)) {
                throw new IntentSyntaxException(field, "\"" + text + "\" has host bits set; did you mean " + prefix + "?");
            }
            return Endpoint.prefix(prefix);
        }
        if (IPV4.matcher(text).matches()) {
            return Endpoint.prefix(IpPrefix.valueOf(parseAddress(field, text), IpPrefix.MAX_INET_MASK_LENGTH));
        }
        if (HOST_NAME.matcher(text).matches()) {
            return Endpoint.host(text);
        }
        throw new IntentSyntaxException(field, "\"" + text + "\" is neither a host name, an IPv4 address nor an IPv4 prefix");
    }

    private static IpAddress parseAddress(String field, String text) {
        for (String octet : text.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                throw new IntentSyntaxException(field, "octet " + octet + " exceeds 255 in \"" + text + "\"");
            }
        }
        return IpAddress.valueOf(text);
    }

    private static long parseBounded(String field, String text, long max, String unit) {
        if (!DIGITS.matcher(text).matches()) {
            throw new IntentSyntaxException(field, "\"" + text + "\" is not a whole number of " + unit);
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IntentSyntaxException(field, text + " " + unit + " is too large");
        }
        if (value < 1 || value > max) {
            throw new IntentSyntaxException(field, "must be 1.." + max + " " + unit + ", got " + value);
        }
        return value;
    }

    private static String requireOptionValue(String field, String previous, String value) {
        if (previous != null) {
            throw new IntentSyntaxException(field, "given twice");
        }
        if (value == null || value.startsWith("--")) {
            throw new IntentSyntaxException(field, "missing value");
        }
        return value;
    }

    private static boolean isAbsent(String text) {
        return text == null || text.trim().isEmpty();
    }
}

package org.metrofabric.emulator.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.metrofabric.emulator.clock.Scheduler;
import org.metrofabric.emulator.scenario.Durations;
import org.metrofabric.emulator.scenario.IntentReport;
import org.metrofabric.emulator.scenario.ScenarioException;
import org.metrofabric.emulator.scenario.ScenarioReport;
import org.metrofabric.fabric.api.PathIntentParser;

/**
 * A line console for the emulated hosts: it parses each command and calls {@link HostTraffic};
 * bad input gets one line naming what is wrong, and changes nothing.
 */
public final class FabricConsole {
    static final String HELP = String.join("\n",
            "commands:",
            "  hosts",
            "  ping FROM TO [COUNT] [--interval TIME]   (COUNT 1.." + HostTraffic.MAX_PING_COUNT + ", default "
                    + HostTraffic.DEFAULT_PING_COUNT + "; "
                    + "TIME e.g. 10ms, the default)",
            "  flow start NAME FROM TO --rate PPS [--size BYTES] [--dscp N] [--packets N] [--srcPort P] [--dstPort P]",
            "  flow stop NAME",
            "  flows",
            "  help",
            "  quit");
    /** The intent commands, listed under {@link #HELP} when the embedded controller runs. */
    static final String INTENT_HELP = String.join("\n",
            "  intent add NAME FROM TO [" + PathIntentParser.LATENCY_OPTION + " N] ["
                    + PathIntentParser.BANDWIDTH_OPTION + " N]   (FROM, TO: host, IPv4 address or prefix)",
            "  intent remove NAME",
            "  intents");
    private static final Set<String> FLOW_OPTIONS = Set.of(FlowRequest.RATE, FlowRequest.SIZE, FlowRequest.DSCP,
            FlowRequest.PACKETS, FlowRequest.SRC_PORT, FlowRequest.DST_PORT);

    private final HostTraffic traffic;
    private final PathIntents intents;
    private final PrintWriter out;

    public FabricConsole(HostTraffic traffic, PrintWriter out) {
        this(traffic, null, out);
    }

    /** With {@code intents} (null when no controller runs in the process), the intent commands too. */
    public FabricConsole(HostTraffic traffic, PathIntents intents, PrintWriter out) {
        this.traffic = traffic;
        this.intents = intents;
        this.out = out;
    }

    private String help() {
        return intents == null ? HELP : HELP + "\n" + INTENT_HELP;
    }

    /** Runs commands from {@code in} until {@code quit} (true) or the end of the input (false). */
    public boolean run(BufferedReader in) {
        out.println(help());
        out.flush();
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                boolean more = execute(line.trim());
                out.flush();
                if (!more) {
                    return true;
                }
            }
            return false;
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
        try {
            switch (words.get(0)) {
                case "quit" -> {
                    return false;
                }
                case "help" -> out.println(help());
                case "hosts" -> traffic.hosts().forEach(h ->
                        out.println(h.name() + " " + h.ip() + " " + h.mac() + " on " + h.leaf() + " port " + h.port()));
                case "ping" -> ping(words);
                case "flow" -> flow(words);
                case "flows" -> {
                    List<FlowStatus> flows = traffic.flows();
                    if (flows.isEmpty()) {
                        out.println("no flows; start one with 'flow start'");
                    }
                    flows.forEach(flow -> out.println(flow.text()));
                }
                case "intent" -> intent(words);
                case "intents" -> {
                    List<IntentReport> held = intents().list();
                    if (held.isEmpty()) {
                        out.println("no intents; add one with 'intent add'");
                    }
                    held.forEach(intent -> out.println(text(intent)));
                }
                default -> out.println("error: unknown command '" + words.get(0) + "'; type 'help'");
            }
        } catch (TrafficException | UsageException | Scheduler.LoopUnavailableException e) {
            out.println("error: " + e.getMessage());
        }
        return true;
    }

    private void ping(List<String> words) {
        Arguments args = Arguments.parse(words.subList(1, words.size()), Set.of("interval"));
        if (args.positional().size() < 2 || args.positional().size() > 3) {
            throw new UsageException("usage: ping FROM TO [COUNT] [--interval TIME]");
        }
        int count = args.positional().size() == 3 ? (int) wholeNumber("count", args.positional().get(2))
                : HostTraffic.DEFAULT_PING_COUNT;
        long interval = HostTraffic.DEFAULT_PING_INTERVAL_NANOS;
        String intervalText = args.options().get("interval");
        if (intervalText != null) {
            try {
                interval = Durations.parse("--interval", intervalText);
            } catch (ScenarioException e) {
                throw new UsageException(e.getMessage());
            }
        }
        out.println(traffic.ping(args.positional().get(0), args.positional().get(1), count, interval).text());
    }

    private void flow(List<String> words) {
        String sub = words.size() > 1 ? words.get(1) : "";
        switch (sub) {
            case "start" -> {
                Arguments args = Arguments.parse(words.subList(2, words.size()), FLOW_OPTIONS);
                if (args.positional().size() != 3) {
                    throw new UsageException("usage: flow start NAME FROM TO --rate PPS [--size BYTES] [--dscp N] "
                            + "[--packets N] [--srcPort P] [--dstPort P]");
                }
                FlowRequest request = new FlowRequest(args.positional().get(0), args.positional().get(1),
                        args.positional().get(2), args.number(FlowRequest.RATE), args.integer(FlowRequest.SIZE),
                        args.integer(FlowRequest.DSCP), args.number(FlowRequest.PACKETS),
                        args.integer(FlowRequest.SRC_PORT), args.integer(FlowRequest.DST_PORT));
                out.println("started " + traffic.startFlow(request).text());
            }
            case "stop" -> {
                if (words.size() != 3) {
                    throw new UsageException("usage: flow stop NAME");
                }
                out.println("stopped " + traffic.stopFlow(words.get(2)).text());
            }
            default -> throw new UsageException("usage: flow start ... | flow stop NAME (see 'help')");
        }
    }

    private void intent(List<String> words) {
        String sub = words.size() > 1 ? words.get(1) : "";
        switch (sub) {
            case "add" -> out.println("added " + text(intents().add(String.join(" ", words.subList(2, words.size())))));
            case "remove" -> {
                if (words.size() != 3) {
                    throw new UsageException("usage: intent remove NAME");
                }
                out.println("removed " + text(intents().remove(words.get(2))));
            }
            default -> throw new UsageException("usage: intent add NAME FROM TO ... | intent remove NAME (see 'help')");
        }
    }

    private PathIntents intents() {
        if (intents == null) {
            throw new UsageException("intents need the embedded controller: serve with --control onos");
        }
        return intents;
    }

    private static String text(IntentReport intent) {
        return intent.name() + ": " + ScenarioReport.intentStatus(intent);
    }

    private static long wholeNumber(String field, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException(field + ": '" + text + "' is not a whole number");
        }
    }

    /** A line that does not parse as a command. */
    private static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** A command's words: positional ones, then {@code --option VALUE} pairs from a known set. */
    private record Arguments(List<String> positional, Map<String, String> options) {
        static Arguments parse(List<String> words, Set<String> known) {
            List<String> positional = new ArrayList<>();
            Map<String, String> options = new HashMap<>();
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                if (!word.startsWith("--")) {
                    positional.add(word);
                    continue;
                }
                String option = word.substring(2);
                if (!known.contains(option)) {
                    throw new UsageException(word + ": unknown option; known: --" + String.join(", --",
                            known.stream().sorted().toList()));
                }
                if (i + 1 == words.size()) {
                    throw new UsageException(word + ": needs a value");
                }
                if (options.put(option, words.get(++i)) != null) {
                    throw new UsageException(word + ": given twice");
                }
            }
            return new Arguments(positional, options);
        }

        Long number(String option) {
            String text = options.get(option);
            return text == null ? null : wholeNumber(option, text);
        }

        Integer integer(String option) {
            Long value = number(option);
            if (value == null) {
                return null;
            }
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw new UsageException(option + ": " + value + " is too large");
            }
            return value.intValue();
        }
    }
}

package org.metrofabric.emulator.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.metrofabric.emulator.fabric.V1ModelPorts;
import org.metrofabric.emulator.hosts.FlowPayload;
import org.metrofabric.emulator.hosts.TrafficPattern;
import org.metrofabric.emulator.scenario.Expectation.LatencyMetric;
import org.metrofabric.emulator.scenario.Scenario.FlowSpec;
import org.metrofabric.emulator.scenario.Scenario.IntentSpec;
import org.metrofabric.emulator.scenario.Scenario.PingSpec;
import org.metrofabric.fabric.api.IntentState;
import org.metrofabric.fabric.api.IntentSyntaxException;
import org.metrofabric.fabric.api.PathIntent;
import org.metrofabric.fabric.api.PathIntentParser;
import org.metrofabric.topology.load.TopologyException;
import org.metrofabric.topology.load.TopologyLoader;
import org.metrofabric.topology.model.Link;
import org.metrofabric.topology.model.LinkEnd;
import org.metrofabric.topology.model.Switch;
import org.metrofabric.topology.model.Topology;

/**
 * Reads a scenario file (JSON) and checks it against its topology, so a scenario that starts
 * also runs: every error names the JSON path of the field and the reason. The format:
 * <pre>
 * { "name": "...", "topology": "../metro-2x4.json" (relative to the scenario file), "seed": 42,
 *   "duration": "200ms",
 *   "intents": ["metro-path-add p1 h1a h3a --latency-us 80 --bandwidth-mbps 100", ...],
 *   "traffic": { "ping": {"start": "1ms", "count": 3, "interval": "1ms"},
 *                "flows": [{"name": "f1", "from": "h1a", "to": "h3a", "rate": 10000, "size": 200,
 *                           "start": "10ms", "duration": "150ms", "dscp": 0,
 *                           "onOff": {"on": "1ms", "off": "4ms"} (optional: bursts instead of constant rate)}] },
 *   "events": [{"at": "50ms", "type": "switch-down", "device": "spine1"},
 *              {"at": "60ms", "type": "link-down", "between": ["leaf1", "spine2"]},
 *              {"at": "70ms", "type": "port-up", "device": "leaf1", "port": 1}],
 *   "expectations": [{"kind": "all-pairs-reachable", "scope": "all" (default) or "between-leaves"}, {"kind": "intent-state", "intent": "p1", "state": "INSTALLED"},
 *                    {"kind": "flow-loss", "flow": "f1", "maxLost": 0},
 *                    {"kind": "flow-latency", "flow": "f1", "intent": "p1", "metric": "p99", "allowance": "10us"},
 *                    {"kind": "recovery", "flow": "f2", "maxGap": "1ms"}, {"kind": "no-leaf-transit"}] }
 * </pre>
 */
public final class ScenarioReader {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final long MAX_PACKETS_PER_SECOND = 100_000_000L;

    private final Path baseDir;
    private Topology topology;

    private ScenarioReader(Path baseDir) {
        this.baseDir = baseDir;
    }

    /** Reads {@code file}; its topology path is relative to the file's folder. */
    public static Scenario read(Path file) {
        String json;
        try {
            json = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioException("$", "no scenario file " + file.toAbsolutePath(), e);
        } catch (IOException e) {
            throw new ScenarioException("$", "cannot read scenario file " + file + ": " + e, e);
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(json, dir);
    }

    /** Parses scenario text; a relative topology path is resolved against {@code baseDir}. */
    public static Scenario parse(String json, Path baseDir) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ScenarioException("$", "not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()), e);
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioException("$", "a scenario is a JSON object");
        }
        return new ScenarioReader(baseDir).scenario(root);
    }

    private Scenario scenario(JsonNode root) {
        allowOnly(root, "$", "name", "topology", "seed", "duration", "intents", "traffic", "events", "expectations");
        String name = optionalText(root, "$", "name").orElse("scenario");
        String topologyText = requiredText(root, "$", "topology");
        Path topologyFile = baseDir.resolve(topologyText).normalize();
        try {
            topology = TopologyLoader.load(topologyFile);
        } catch (TopologyException e) {
            throw new ScenarioException("topology", "cannot use " + topologyFile + ": " + e.getMessage(), e);
        }
        Optional<String> portProblems = V1ModelPorts.problems(topology);
        if (portProblems.isPresent()) {
            throw new ScenarioException("topology", "cannot emulate " + topologyFile + " on v1model: "
                    + portProblems.get());
        }
        long seed = root.has("seed") ? integer(root.get("seed"), "seed", Long.MIN_VALUE, Long.MAX_VALUE) : 1;
        long duration = time(root, "$", "duration");
        if (duration <= 0) {
            throw new ScenarioException("duration", "must be longer than 0");
        }
        List<IntentSpec> intents = intents(root.get("intents"));
        Optional<PingSpec> ping = Optional.empty();
        List<FlowSpec> flows = List.of();
        JsonNode traffic = root.get("traffic");
        if (traffic != null) {
            requireObject(traffic, "traffic");
            allowOnly(traffic, "traffic", "ping", "flows");
            if (traffic.has("ping")) {
                ping = Optional.of(ping(traffic.get("ping"), duration));
            }
            flows = flows(traffic.get("flows"), duration);
        }
        List<ScenarioEvent> events = events(root.get("events"), duration);
        Scenario partial = new Scenario(name, topologyFile, topology, seed, duration, intents, ping, flows, events, List.of());
        List<Expectation> expectations = expectations(root.get("expectations"), partial);
        return new Scenario(name, topologyFile, topology, seed, duration, intents, ping, flows, events, expectations);
    }

    private List<IntentSpec> intents(JsonNode node) {
        List<IntentSpec> intents = new ArrayList<>();
        if (node == null) {
            return intents;
        }
        requireArray(node, "intents");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String field = "intents[" + i + "]";
            JsonNode item = node.get(i);
            if (!item.isTextual()) {
                throw new ScenarioException(field, "an intent is a command string such as \""
                        + PathIntentParser.COMMAND + " p1 h1a h3a --latency-us 80\"");
            }
            PathIntent intent;
            try {
                intent = PathIntentParser.parseCommand(item.asText());
            } catch (IntentSyntaxException e) {
                throw new ScenarioException(field, e.getMessage(), e);
            }
            if (!names.add(intent.name())) {
                throw new ScenarioException(field, "intent name " + intent.name() + " is used twice");
            }
            intents.add(new IntentSpec(item.asText().trim(), intent));
        }
        return intents;
    }

    private PingSpec ping(JsonNode node, long duration) {
        String path = "traffic.ping";
        requireObject(node, path);
        allowOnly(node, path, "start", "count", "interval");
        long start = node.has("start") ? time(node, path, "start") : 0;
        int count = node.has("count") ? (int) integer(node.get("count"), path + ".count", 1, 0xffff) : 3;
        long interval = node.has("interval") ? time(node, path, "interval") : 1_000_000L;
        if (interval <= 0) {
            throw new ScenarioException(path + ".interval", "must be longer than 0");
        }
        requireWithin(path + ".start", start, duration);
        return new PingSpec(start, count, interval);
    }

    private List<FlowSpec> flows(JsonNode node, long duration) {
        List<FlowSpec> flows = new ArrayList<>();
        if (node == null) {
            return flows;
        }
        requireArray(node, "traffic.flows");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "traffic.flows[" + i + "]";
            JsonNode flow = node.get(i);
            requireObject(flow, path);
            allowOnly(flow, path, "name", "from", "to", "rate", "size", "start", "duration", "dscp", "onOff");
            String name = requiredText(flow, path, "name");
            if (!names.add(name)) {
                throw new ScenarioException(path + ".name", "flow name " + name + " is used twice");
            }
            String from = host(flow, path, "from");
            String to = host(flow, path, "to");
            if (from.equals(to)) {
                throw new ScenarioException(path + ".to", "a flow needs two different hosts, both are " + from);
            }
            long rate = integer(required(flow, path, "rate"), path + ".rate", 1, MAX_PACKETS_PER_SECOND);
            int size = flow.has("size") ? (int) integer(flow.get("size"), path + ".size", FlowPayload.BYTES, 1472) : 200;
            int dscp = flow.has("dscp") ? (int) integer(flow.get("dscp"), path + ".dscp", 0, 63) : 0;
            long start = flow.has("start") ? time(flow, path, "start") : 0;
            long length = time(flow, path, "duration");
            if (length <= 0) {
                throw new ScenarioException(path + ".duration", "must be longer than 0");
            }
            requireWithin(path + ".start", start, duration);
            TrafficPattern pattern = new TrafficPattern.ConstantRate(rate);
            if (flow.has("onOff")) {
                JsonNode onOff = flow.get("onOff");
                requireObject(onOff, path + ".onOff");
                allowOnly(onOff, path + ".onOff", "on", "off");
                long on = time(onOff, path + ".onOff", "on");
                long off = time(onOff, path + ".onOff", "off");
                if (on <= 0) {
                    throw new ScenarioException(path + ".onOff.on", "must be longer than 0");
                }
                pattern = new TrafficPattern.OnOff(rate, on, off);
            }
            flows.add(new FlowSpec(name, i + 1, from, to, size, dscp, pattern, start, length));
        }
        return flows;
    }

    private List<ScenarioEvent> events(JsonNode node, long duration) {
        List<ScenarioEvent> events = new ArrayList<>();
        if (node == null) {
            return events;
        }
        requireArray(node, "events");
        for (int i = 0; i < node.size(); i++) {
            String path = "events[" + i + "]";
            JsonNode event = node.get(i);
            requireObject(event, path);
            long at = time(event, path, "at");
            requireWithin(path + ".at", at, duration);
            String type = requiredText(event, path, "type");
            boolean up;
            String subject;
            if (type.endsWith("-down")) {
                up = false;
                subject = type.substring(0, type.length() - "-down".length());
            } else if (type.endsWith("-up")) {
                up = true;
                subject = type.substring(0, type.length() - "-up".length());
            } else {
                subject = "";
                up = false;
            }
            switch (subject) {
                case "link" -> {
                    allowOnly(event, path, "at", "type", "between");
                    JsonNode between = required(event, path, "between");
                    if (!between.isArray() || between.size() != 2 || !between.get(0).isTextual() || !between.get(1).isTextual()) {
                        throw new ScenarioException(path + ".between", "must name the link's two switches, e.g. [\"leaf1\", \"spine1\"]");
                    }
                    String a = switchName(path + ".between[0]", between.get(0).asText());
                    String b = switchName(path + ".between[1]", between.get(1).asText());
                    if (linkBetween(a, b) == null) {
                        throw new ScenarioException(path + ".between", "there is no link between " + a + " and " + b
                                + " in " + topology.name());
                    }
                    events.add(new ScenarioEvent.LinkEvent(at, a, b, up));
                }
                case "switch" -> {
                    allowOnly(event, path, "at", "type", "device");
                    events.add(new ScenarioEvent.SwitchEvent(at, switchName(path + ".device", requiredText(event, path, "device")), up));
                }
                case "port" -> {
                    allowOnly(event, path, "at", "type", "device", "port");
                    String device = switchName(path + ".device", requiredText(event, path, "device"));
                    int port = (int) integer(required(event, path, "port"), path + ".port", 0, 510);
                    if (!portInUse(device, port)) {
                        throw new ScenarioException(path + ".port", device + " has nothing connected to port " + port);
                    }
                    events.add(new ScenarioEvent.PortEvent(at, device, port, up));
                }
                default -> throw new ScenarioException(path + ".type", "unknown event type \"" + type
                        + "\"; expected link-down, link-up, switch-down, switch-up, port-down or port-up");
            }
        }
        events.sort((x, y) -> Long.compare(x.atNanos(), y.atNanos()));
        return events;
    }

    private List<Expectation> expectations(JsonNode node, Scenario scenario) {
        List<Expectation> expectations = new ArrayList<>();
        if (node == null) {
            return expectations;
        }
        requireArray(node, "expectations");
        for (int i = 0; i < node.size(); i++) {
            String path = "expectations[" + i + "]";
            JsonNode item = node.get(i);
            requireObject(item, path);
            String kind = requiredText(item, path, "kind");
            switch (kind) {
                case Expectation.AllPairsReachable.KIND -> {
                    allowOnly(item, path, "kind", "scope");
                    if (scenario.ping().isEmpty()) {
                        throw new ScenarioException(path + ".kind", "all-pairs-reachable needs traffic.ping");
                    }
                    String scope = optionalText(item, path, "scope").orElse(Expectation.AllPairsReachable.SCOPE_ALL);
                    if (!scope.equals(Expectation.AllPairsReachable.SCOPE_ALL)
                            && !scope.equals(Expectation.AllPairsReachable.SCOPE_BETWEEN_LEAVES)) {
                        throw new ScenarioException(path + ".scope", "unknown scope \"" + scope + "\"; expected "
                                + Expectation.AllPairsReachable.SCOPE_ALL + " or " + Expectation.AllPairsReachable.SCOPE_BETWEEN_LEAVES);
                    }
                    expectations.add(new Expectation.AllPairsReachable(scope.equals(Expectation.AllPairsReachable.SCOPE_BETWEEN_LEAVES)));
                }
                case Expectation.IntentStateIs.KIND -> {
                    allowOnly(item, path, "kind", "intent", "state", "constraint");
                    String intent = intentName(item, path, scenario);
                    String stateText = requiredText(item, path, "state");
                    IntentState state;
                    try {
                        state = IntentState.valueOf(stateText.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new ScenarioException(path + ".state", "unknown intent state \"" + stateText
                                + "\"; expected INSTALLED, DEGRADED or REJECTED");
                    }
                    String constraint = optionalText(item, path, "constraint").map(c -> c.toUpperCase(Locale.ROOT)).orElse(null);
                    expectations.add(new Expectation.IntentStateIs(intent, state, constraint));
                }
                case Expectation.FlowLoss.KIND -> {
                    allowOnly(item, path, "kind", "flow", "maxLost");
                    expectations.add(new Expectation.FlowLoss(flowName(item, path, scenario),
                            integer(required(item, path, "maxLost"), path + ".maxLost", 0, Long.MAX_VALUE)));
                }
                case Expectation.FlowLatency.KIND -> {
                    allowOnly(item, path, "kind", "flow", "intent", "metric", "allowance");
                    String flow = flowName(item, path, scenario);
                    String intent = intentName(item, path, scenario);
                    String metricText = optionalText(item, path, "metric").orElse("p99");
                    LatencyMetric metric;
                    try {
                        metric = LatencyMetric.valueOf(metricText.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new ScenarioException(path + ".metric", "unknown latency metric \"" + metricText
                                + "\"; expected p99 or max");
                    }
                    expectations.add(new Expectation.FlowLatency(flow, intent, metric, time(item, path, "allowance")));
                }
                case Expectation.Recovery.KIND -> {
                    allowOnly(item, path, "kind", "flow", "maxGap");
                    expectations.add(new Expectation.Recovery(flowName(item, path, scenario), time(item, path, "maxGap")));
                }
                case Expectation.NoLeafTransit.KIND -> {
                    allowOnly(item, path, "kind");
                    expectations.add(new Expectation.NoLeafTransit());
                }
                default -> throw new ScenarioException(path + ".kind", "unknown expectation kind \"" + kind + "\"; expected "
                        + String.join(", ", Expectation.AllPairsReachable.KIND, Expectation.IntentStateIs.KIND,
                        Expectation.FlowLoss.KIND, Expectation.FlowLatency.KIND, Expectation.Recovery.KIND,
                        Expectation.NoLeafTransit.KIND));
            }
        }
        return expectations;
    }

    private static String flowName(JsonNode item, String path, Scenario scenario) {
        String flow = requiredText(item, path, "flow");
        if (scenario.flow(flow).isEmpty()) {
            throw new ScenarioException(path + ".flow", "no flow named " + flow + " in traffic.flows");
        }
        return flow;
    }

    private static String intentName(JsonNode item, String path, Scenario scenario) {
        String intent = requiredText(item, path, "intent");
        if (scenario.intent(intent).isEmpty()) {
            throw new ScenarioException(path + ".intent", "no intent named " + intent + " in intents");
        }
        return intent;
    }

    private String host(JsonNode node, String path, String field) {
        String name = requiredText(node, path, field);
        if (topology.hosts().stream().noneMatch(h -> h.name().equals(name))) {
            throw new ScenarioException(path + "." + field, "unknown host " + name + " in topology " + topology.name());
        }
        return name;
    }

    private String switchName(String field, String name) {
        if (topology.switches().stream().map(Switch::name).noneMatch(name::equals)) {
            throw new ScenarioException(field, "unknown switch " + name + " in topology " + topology.name());
        }
        return name;
    }

    private Link linkBetween(String a, String b) {
        for (Link link : topology.links()) {
            String x = link.a().device();
            String y = link.b().device();
            if (x.equals(a) && y.equals(b) || x.equals(b) && y.equals(a)) {
                return link;
            }
        }
        return null;
    }

    private boolean portInUse(String device, int port) {
        for (Link link : topology.links()) {
            for (LinkEnd end : List.of(link.a(), link.b())) {
                if (end.device().equals(device) && end.port() == port) {
                    return true;
                }
            }
        }
        return topology.hosts().stream().anyMatch(h -> h.leaf().equals(device) && h.port() == port);
    }

    private static void requireWithin(String field, long time, long duration) {
        if (time >= duration) {
            throw new ScenarioException(field, Durations.format(time) + " is not before the end of the scenario ("
                    + Durations.format(duration) + ")");
        }
    }

    private static void allowOnly(JsonNode node, String path, String... fields) {
        Set<String> allowed = Set.of(fields);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new ScenarioException(child(path, name), "unknown field; expected one of " + String.join(", ", fields));
            }
        }
    }

    private static JsonNode required(JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new ScenarioException(child(path, field), "missing");
        }
        return value;
    }

    private static String requiredText(JsonNode node, String path, String field) {
        JsonNode value = required(node, path, field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new ScenarioException(child(path, field), "must be a non-empty string");
        }
        return value.asText();
    }

    private static Optional<String> optionalText(JsonNode node, String path, String field) {
        return node.has(field) ? Optional.of(requiredText(node, path, field)) : Optional.empty();
    }

    private static long time(JsonNode node, String path, String field) {
        JsonNode value = required(node, path, field);
        if (!value.isTextual()) {
            throw new ScenarioException(child(path, field), "a time is a string with a unit, e.g. \"20us\" or \"1.5ms\"");
        }
        return Durations.parse(child(path, field), value.asText());
    }

    private static long integer(JsonNode value, String field, long min, long max) {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new ScenarioException(field, "must be a whole number, got " + value);
        }
        long number = value.asLong();
        if (number < min || number > max) {
            throw new ScenarioException(field, "must be " + min + ".." + max + ", got " + number);
        }
        return number;
    }

    private static void requireObject(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new ScenarioException(path, "must be a JSON object");
        }
    }

    private static void requireArray(JsonNode node, String path) {
        if (!node.isArray()) {
            throw new ScenarioException(path, "must be a JSON array");
        }
    }

    private static String child(String path, String field) {
        return path.equals("$") ? field : path + "." + field;
    }
}

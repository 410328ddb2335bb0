package org.metrofabric.emulator.serve;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.metrofabric.emulator.scenario.Durations;
import org.metrofabric.emulator.scenario.IntentReport;
import org.metrofabric.emulator.scenario.ScenarioException;
import org.metrofabric.emulator.scenario.ScenarioReport;
import org.metrofabric.fabric.api.PathIntentParser;

/**
 * The REST API's JSON: request bodies read strictly (an object, known fields only, each of the
 * right type; the error names the field) and answers written with the scenario report's names.
 */
final class TrafficJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> FLOW_FIELDS = List.of(FlowRequest.NAME, FlowRequest.FROM, FlowRequest.TO,
            FlowRequest.RATE, FlowRequest.SIZE, FlowRequest.DSCP, FlowRequest.PACKETS, FlowRequest.SRC_PORT,
            FlowRequest.DST_PORT);
    static final String PING_FROM = "from";
    static final String PING_TO = "to";
    static final String PING_COUNT = "count";
    static final String PING_INTERVAL = "interval";
    private static final List<String> PING_FIELDS = List.of(PING_FROM, PING_TO, PING_COUNT, PING_INTERVAL);

    private static final List<String> INTENT_FIELDS = List.of(PathIntentParser.FIELD_NAME, PathIntentParser.FIELD_FROM,
            PathIntentParser.FIELD_TO, PathIntentParser.FIELD_LATENCY, PathIntentParser.FIELD_BANDWIDTH);

    /** An intent as asked for, each field as {@link PathIntentParser#parse} reads it (null if absent). */
    record IntentRequest(String name, String from, String to, String latencyUs, String bandwidthMbps) {
    }

    /** A ping as asked for: {@code interval} in ns. */
    record PingRequest(String from, String to, int count, long intervalNanos) {
    }

    private TrafficJson() {
    }

    static FlowRequest flowRequest(byte[] body) {
        JsonNode node = object(body, FLOW_FIELDS);
        return new FlowRequest(text(node, FlowRequest.NAME), text(node, FlowRequest.FROM), text(node, FlowRequest.TO),
                number(node, FlowRequest.RATE), integer(node, FlowRequest.SIZE), integer(node, FlowRequest.DSCP),
                number(node, FlowRequest.PACKETS), integer(node, FlowRequest.SRC_PORT), integer(node, FlowRequest.DST_PORT));
    }

    /** {@code {"from", "to", "count" (default 3), "interval" (a time such as "10ms", the default)}}. */
    static PingRequest pingRequest(byte[] body) {
        JsonNode node = object(body, PING_FIELDS);
        Integer count = integer(node, PING_COUNT);
        String interval = text(node, PING_INTERVAL);
        long intervalNanos = HostTraffic.DEFAULT_PING_INTERVAL_NANOS;
        if (interval != null) {
            try {
                intervalNanos = Durations.parse(PING_INTERVAL, interval);
            } catch (ScenarioException e) {
                throw TrafficException.invalid(PING_INTERVAL, e.getMessage().substring(e.field().length() + 2));
            }
        }
        return new PingRequest(text(node, PING_FROM), text(node, PING_TO),
                count == null ? HostTraffic.DEFAULT_PING_COUNT : count, intervalNanos);
    }

    /** {@code {"name", "from", "to", "latency-us" (optional), "bandwidth-mbps" (optional)}}. */
    static IntentRequest intentRequest(byte[] body) {
        JsonNode node = object(body, INTENT_FIELDS);
        Long latency = number(node, PathIntentParser.FIELD_LATENCY);
        Long bandwidth = number(node, PathIntentParser.FIELD_BANDWIDTH);
        return new IntentRequest(text(node, PathIntentParser.FIELD_NAME), text(node, PathIntentParser.FIELD_FROM),
                text(node, PathIntentParser.FIELD_TO), latency == null ? null : latency.toString(),
                bandwidth == null ? null : bandwidth.toString());
    }

    static ArrayNode intents(List<IntentReport> intents) {
        ArrayNode array = JSON.arrayNode();
        intents.forEach(intent -> array.add(ScenarioReport.intentJson(intent)));
        return array;
    }

    static ArrayNode hosts(List<HostInfo> hosts) {
        ArrayNode array = JSON.arrayNode();
        for (HostInfo host : hosts) {
            array.addObject().put("name", host.name()).put("ip", host.ip()).put("mac", host.mac())
                    .put("leaf", host.leaf()).put("port", host.port());
        }
        return array;
    }

    static ObjectNode ping(PingResult result) {
        ObjectNode node = JSON.objectNode().put(PING_FROM, result.from()).put(PING_TO, result.to())
                .put("sent", result.sent()).put("received", result.received());
        ArrayNode rtts = node.putArray("rttNanos");
        result.rttNanos().forEach(rtts::add);
        return node;
    }

    static ArrayNode flows(List<FlowStatus> flows) {
        ArrayNode array = JSON.arrayNode();
        flows.forEach(flow -> array.add(flow(flow)));
        return array;
    }

    static ObjectNode flow(FlowStatus status) {
        ObjectNode node = JSON.objectNode();
        node.put(FlowRequest.NAME, status.name());
        node.put(FlowRequest.FROM, status.from());
        node.put(FlowRequest.TO, status.to());
        node.put(FlowRequest.RATE, status.rate());
        node.put(FlowRequest.SIZE, status.flow().payloadBytes());
        node.put(FlowRequest.DSCP, status.flow().dscp());
        node.put(FlowRequest.PACKETS, status.flow().packets());
        node.put(FlowRequest.SRC_PORT, status.flow().srcPort());
        node.put(FlowRequest.DST_PORT, status.flow().dstPort());
        node.put("state", status.state());
        ScenarioReport.putFlowStatistics(node, status.report());
        return node;
    }

    static ObjectNode error(String message) {
        return JSON.objectNode().put("error", message);
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written: " + e.getMessage(), e);
        }
    }

    private static JsonNode object(byte[] body, List<String> fields) {
        JsonNode node;
        try {
            node = body.length == 0 ? null : MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw TrafficException.invalid("body", "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw TrafficException.invalid("body", "could not be read: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw TrafficException.invalid("body", "must be a JSON object with the fields " + String.join(", ", fields));
        }
        Set<String> known = Set.copyOf(fields);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw TrafficException.invalid(name, "unknown field; known fields: " + String.join(", ", fields));
            }
        }
        return node;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw TrafficException.invalid(field, "must be a string, got " + value);
        }
        return value.asText();
    }

    private static Long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw TrafficException.invalid(field, "must be a whole number, got " + value);
        }
        return value.asLong();
    }

    private static Integer integer(JsonNode node, String field) {
        Long value = number(node, field);
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw TrafficException.invalid(field, "must be a whole number of at most " + Integer.MAX_VALUE
                    + ", got " + value);
        }
        return value.intValue();
    }
}

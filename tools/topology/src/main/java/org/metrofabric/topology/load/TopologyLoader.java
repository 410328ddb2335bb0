package org.metrofabric.topology.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.metrofabric.topology.model.Topology;

/**
 * Reads a topology file and checks it. Syntax and type problems stop at the first one (the
 * JSON cannot be read further); cross-field problems are all collected by {@link TopologyValidator}.
 */
public final class TopologyLoader {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private TopologyLoader() {
    }

    public static Topology load(Path file) throws TopologyException {
        String json;
        try {
            json = Files.readString(file);
        } catch (IOException e) {
            throw new TopologyException(file.toString(), List.of(new TopologyError("$", "cannot read file: " + e)));
        }
        return parse(file.toString(), json);
    }

    /** Parses and validates; {@code source} names the input in error messages. */
    public static Topology parse(String source, String json) throws TopologyException {
        Topology topology;
        try {
            topology = MAPPER.readValue(json, Topology.class);
        } catch (JsonMappingException e) {
            throw new TopologyException(source, List.of(new TopologyError(jsonPath(e), describe(e))));
        } catch (JsonProcessingException e) {
            throw new TopologyException(source, List.of(new TopologyError("$", syntaxError(e))));
        }
        List<TopologyError> errors = new TopologyValidator(topology).validate();
        if (!errors.isEmpty()) {
            throw new TopologyException(source, errors);
        }
        return topology;
    }

    static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(JsonMappingException e) {
        if (e.getCause() instanceof StreamReadException syntax) {
            return syntaxError(syntax);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field; known fields are " + unknown.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
        }
        if (e.getCause() instanceof IllegalArgumentException invalid) {
            return invalid.getMessage();
        }
        if (e.getCause() instanceof NullPointerException) {
            return "null is not allowed here";
        }
        String message = firstLine(e.getOriginalMessage());
        if (message.startsWith("Missing required creator property")) {
            return "missing required field";
        }
        if (message.contains("Cannot map `null`")) {
            return "null is not allowed here";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "expected " + describeType(mismatch.getTargetType()) + " (" + message + ")";
        }
        return message;
    }

    private static String describeType(Class<?> type) {
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "a " + type.getSimpleName() + " value";
    }

    private static String syntaxError(JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        String at = where == null ? "" : "line " + where.getLineNr() + ", column " + where.getColumnNr() + ": ";
        return "malformed JSON at " + at + firstLine(e.getOriginalMessage());
    }

    /** Jackson's first line, without the parser-internal "(for Array starting at [Source: ...])" tail. */
    private static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        int source = line.indexOf(" (for ");
        return source < 0 ? line : line.substring(0, source);
    }
}

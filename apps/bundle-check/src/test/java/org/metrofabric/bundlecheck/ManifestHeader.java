package org.metrofabric.bundlecheck;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One OSGi manifest header (Import-Package, Require-Capability, ...) split into its clauses.
 * A clause is {@code path[;path...][;attr=value][;directive:=value]}; clauses are separated by
 * commas outside double quotes, since version ranges such as {@code "[22.0,23)"} contain commas.
 */
final class ManifestHeader {

    /** One clause: the names it applies to and its attributes and directives. */
    static final class Clause {
        private final List<String> names;
        private final Map<String, String> parameters;

        Clause(List<String> names, Map<String, String> parameters) {
            this.names = Collections.unmodifiableList(names);
            this.parameters = Collections.unmodifiableMap(parameters);
        }

        List<String> names() {
            return names;
        }

        /** The value of an attribute ({@code version}) or directive ({@code filter:}), unquoted, or null. */
        String parameter(String key) {
            return parameters.get(key);
        }
    }

    private ManifestHeader() {
    }

    /** Parses a header value; null or blank gives no clauses. */
    static List<Clause> parse(String header) {
        List<Clause> clauses = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return clauses;
        }
        for (String clause : splitOutsideQuotes(header, ',')) {
            List<String> names = new ArrayList<>();
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String part : splitOutsideQuotes(clause, ';')) {
                String trimmed = part.trim();
                int directive = trimmed.indexOf(":=");
                int attribute = trimmed.indexOf('=');
                if (directive > 0 && directive < attribute) {
                    parameters.put(trimmed.substring(0, directive).trim() + ":",
                                   unquote(trimmed.substring(directive + 2)));
                } else if (attribute > 0) {
                    String key = trimmed.substring(0, attribute).trim();
                    int typed = key.indexOf(':');
                    // A typed attribute (version:Version=...) is keyed by its bare name.
                    parameters.put(typed > 0 ? key.substring(0, typed) : key,
                                   unquote(trimmed.substring(attribute + 1)));
                } else if (!trimmed.isEmpty()) {
                    names.add(trimmed);
                }
            }
            if (names.isEmpty()) {
                throw new IllegalArgumentException("clause without a name in header: " + clause.trim());
            }
            clauses.add(new Clause(names, parameters));
        }
        return clauses;
    }

    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote in header: " + text);
        }
        parts.add(current.toString());
        return parts;
    }

    private static String unquote(String value) {
        String trimmed = value.trim();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            return trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed;
    }
}

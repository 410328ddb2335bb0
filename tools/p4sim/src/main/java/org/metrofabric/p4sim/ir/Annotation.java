package org.metrofabric.p4sim.ir;

import java.util.List;
import java.util.Optional;

/**
 * An annotation as written: {@code name} without '@' and {@code body} the raw text between the
 * parentheses ("" when there were none), e.g. {@code @name("x")} -> ("name", "\"x\"").
 */
public record Annotation(String name, String body, SourceLocation location) {

    /** The body as a string value: the text inside the quotes if the body is one string literal. */
    public String stringValue() {
        String b = body.trim();
        if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
            return b.substring(1, b.length() - 1);
        }
        return b;
    }

    /** First annotation called {@code name} in {@code annotations}. */
    public static Optional<Annotation> find(List<Annotation> annotations, String name) {
        for (Annotation a : annotations) {
            if (a.name().equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}

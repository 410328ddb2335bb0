package org.metrofabric.topology.model;

/** Null checks for record components that a topology file must not leave null. */
final class Fields {
    private Fields() {
    }

    /** Throws an error that the loader reports against the enclosing object, naming the field. */
    static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("field \"" + field + "\" must not be null");
        }
        return value;
    }
}

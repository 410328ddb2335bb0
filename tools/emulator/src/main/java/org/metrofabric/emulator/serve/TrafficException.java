package org.metrofabric.emulator.serve;

/**
 * A host-traffic request that failed: names the field and why, and says what kind of failure it
 * is (which the REST API turns into a status code). A refused request (every kind but
 * {@link Kind#UNAVAILABLE}) left every flow and host as it was.
 */
public final class TrafficException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a request was refused. */
    public enum Kind {
        /** A field is missing, malformed or out of range, or names a host that does not exist. */
        INVALID,
        /** The flow the request is about does not exist. */
        NOT_FOUND,
        /** The request clashes with the current state (a flow name already in use). */
        CONFLICT,
        /** The emulator loop did not deliver a result in time (it is stalled or stopped). */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String field;

    public TrafficException(Kind kind, String field, String reason) {
        super(field + ": " + reason);
        this.kind = kind;
        this.field = field;
    }

    public static TrafficException invalid(String field, String reason) {
        return new TrafficException(Kind.INVALID, field, reason);
    }

    public Kind kind() {
        return kind;
    }

    /** The name of the offending field, as the console option or JSON field is called. */
    public String field() {
        return field;
    }
}

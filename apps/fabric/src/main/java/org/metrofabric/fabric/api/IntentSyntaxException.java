package org.metrofabric.fabric.api;

/** A path intent that cannot be read, naming the field at fault and why. */
public final class IntentSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    public IntentSyntaxException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The field at fault, as named in the intent syntax (name, from, to, latency-us, bandwidth-mbps). */
    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}

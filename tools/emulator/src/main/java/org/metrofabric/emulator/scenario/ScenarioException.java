package org.metrofabric.emulator.scenario;

/** A scenario file that cannot be run: names the field (a JSON path such as {@code traffic.flows[1].to}) and why. */
public final class ScenarioException extends RuntimeException {
    private final String field;

    public ScenarioException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public ScenarioException(String field, String reason, Throwable cause) {
        super(field + ": " + reason, cause);
        this.field = field;
    }

    /** The JSON path of the offending field. */
    public String field() {
        return field;
    }
}

package org.metrofabric.p4runtime.codec;

import io.grpc.Status;
import p4.v1.P4RuntimeOuterClass;

import java.util.Objects;

/**
 * A P4Runtime request or PI object that cannot be encoded, decoded or applied. It carries the gRPC
 * canonical code the P4Runtime specification (or, where it is silent, the PI reference server)
 * prescribes, so a server can answer with it unchanged and a client can report it.
 */
public final class P4RuntimeException extends RuntimeException {

    private final Status.Code code;

    public P4RuntimeException(Status.Code code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        if (code == Status.Code.OK) {
            throw new IllegalArgumentException("an error cannot have code OK: " + message);
        }
    }

    public static P4RuntimeException invalidArgument(String format, Object... args) {
        return new P4RuntimeException(Status.Code.INVALID_ARGUMENT, String.format(format, args));
    }

    public static P4RuntimeException notFound(String format, Object... args) {
        return new P4RuntimeException(Status.Code.NOT_FOUND, String.format(format, args));
    }

    public static P4RuntimeException outOfRange(String format, Object... args) {
        return new P4RuntimeException(Status.Code.OUT_OF_RANGE, String.format(format, args));
    }

    public Status.Code code() {
        return code;
    }

    /** The gRPC status for answering a whole RPC with this error. */
    public Status toStatus() {
        return code.toStatus().withDescription(getMessage());
    }

    /** The per-update error of a Write response (P4Runtime spec, Error Reporting). */
    public P4RuntimeOuterClass.Error toError() {
        return P4RuntimeOuterClass.Error.newBuilder()
                .setCanonicalCode(code.value())
                .setMessage(getMessage())
                .build();
    }
}

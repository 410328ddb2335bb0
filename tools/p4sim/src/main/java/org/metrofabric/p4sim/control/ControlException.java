package org.metrofabric.p4sim.control;

/**
 * A rejected control-plane request. The switch state is unchanged. {@link #code()} is the P4Runtime
 * canonical code a P4Runtime server reports for it.
 */
public final class ControlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** gRPC canonical codes used by P4Runtime, with their numeric values. */
    public enum Code {
        INVALID_ARGUMENT(3), NOT_FOUND(5), ALREADY_EXISTS(6), PERMISSION_DENIED(7), RESOURCE_EXHAUSTED(8),
        FAILED_PRECONDITION(9), OUT_OF_RANGE(11), UNIMPLEMENTED(12);

        private final int value;

        Code(int value) {
            this.value = value;
        }

        /** The numeric gRPC status code. */
        public int value() {
            return value;
        }
    }

    private final Code code;

    public ControlException(Code code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    static ControlException invalid(String message) {
        return new ControlException(Code.INVALID_ARGUMENT, message);
    }

    static ControlException notFound(String message) {
        return new ControlException(Code.NOT_FOUND, message);
    }
}

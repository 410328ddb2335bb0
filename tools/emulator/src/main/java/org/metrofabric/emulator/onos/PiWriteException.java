package org.metrofabric.emulator.onos;

import org.onosproject.net.DeviceId;

/**
 * A switch rejected a PI write. {@link #code()} is the P4Runtime canonical code name
 * (e.g. {@code NOT_FOUND}); {@link #failedIndex()} the position of the rejected update in its batch.
 */
public final class PiWriteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final int failedIndex;

    public PiWriteException(DeviceId device, int failedIndex, PiUpdate update, String code, String message) {
        super(device + ": update " + failedIndex + " (" + update.type() + " " + update.entity().piEntityType()
                + ") rejected with " + code + ": " + message);
        this.code = code;
        this.failedIndex = failedIndex;
    }

    public String code() {
        return code;
    }

    public int failedIndex() {
        return failedIndex;
    }
}

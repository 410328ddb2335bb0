package org.metrofabric.emulator.onos;

/** A flow rule or group that cannot be expressed in the pipeline; nothing was written for it. */
public final class PiTranslationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PiTranslationException(String message) {
        super(message);
    }
}

package org.metrofabric.emulator.serve;

import java.util.function.Supplier;
import org.metrofabric.emulator.clock.Scheduler;

/**
 * How other threads (the console, REST handlers) reach the one thread that owns a fabric: every
 * read and change of hosts and flows runs as an action there.
 */
public interface EmulatorLoop {
    /** Runs {@code action} on the loop's thread and returns its result; its exceptions are rethrown. */
    <T> T call(Supplier<T> action);

    /** A loop driven by another thread (a {@code RealTimeLoop}): actions are posted, waited for up to {@code timeoutSeconds}. */
    static EmulatorLoop posting(Scheduler scheduler, long timeoutSeconds) {
        return new EmulatorLoop() {
            @Override
            public <T> T call(Supplier<T> action) {
                return scheduler.call(action, timeoutSeconds);
            }
        };
    }
}

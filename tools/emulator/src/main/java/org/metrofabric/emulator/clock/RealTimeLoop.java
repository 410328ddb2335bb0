package org.metrofabric.emulator.clock;

import java.util.concurrent.locks.LockSupport;

/**
 * Runs a {@link Scheduler} against the wall clock on its own thread, for an emulation that outside
 * programs (a real controller, a console) talk to: every tick it runs the events due by now, including
 * the actions other threads {@link Scheduler#post}ed. A posted action waits at most one tick.
 */
public final class RealTimeLoop implements AutoCloseable {
    private static final long TICK_NANOS = 200_000;

    private final Scheduler scheduler;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile RuntimeException failure;

    private RealTimeLoop(Scheduler scheduler, String name) {
        this.scheduler = scheduler;
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
    }

    /** Starts running {@code scheduler} from its current virtual time, one virtual ns per wall ns. */
    public static RealTimeLoop start(Scheduler scheduler, String threadName) {
        RealTimeLoop loop = new RealTimeLoop(scheduler, threadName);
        loop.thread.start();
        return loop;
    }

    private void loop() {
        long wallStart = System.nanoTime();
        long virtualStart = scheduler.now();
        try {
            while (!stopped) {
                scheduler.runUntil(virtualStart + (System.nanoTime() - wallStart));
                LockSupport.parkNanos(TICK_NANOS);
            }
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /** The exception an event threw, which stopped the loop; null while it runs. */
    public RuntimeException failure() {
        return failure;
    }

    @Override
    public void close() {
        stopped = true;
        try {
            thread.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

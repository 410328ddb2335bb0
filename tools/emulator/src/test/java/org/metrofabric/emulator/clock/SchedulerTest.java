package org.metrofabric.emulator.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SchedulerTest {
    private final Scheduler scheduler = new Scheduler();
    private final List<String> log = new ArrayList<>();

    private Runnable note(String what) {
        return () -> log.add(what + "@" + scheduler.now());
    }

    @Test
    void eventsRunInTimeOrderAndTiesInSchedulingOrder() {
        scheduler.at(30, note("c"));
        scheduler.at(10, note("a1"));
        scheduler.at(20, note("b"));
        scheduler.at(10, note("a2"));
        scheduler.at(10, note("a3"));
        scheduler.runUntilIdle();
        assertEquals(List.of("a1@10", "a2@10", "a3@10", "b@20", "c@30"), log);
    }

    @Test
    void anEventScheduledForNowRunsAfterThoseAlreadyDueNow() {
        scheduler.at(5, () -> {
            log.add("first@" + scheduler.now());
            scheduler.after(0, note("spawned"));
        });
        scheduler.at(5, note("second"));
        scheduler.runUntilIdle();
        assertEquals(List.of("first@5", "second@5", "spawned@5"), log);
    }

    @Test
    void runUntilStopsAtTheBoundaryInclusiveAndLeavesTheClockThere() {
        scheduler.at(100, note("x"));
        scheduler.at(101, note("y"));
        assertEquals(1, scheduler.runUntil(100));
        assertEquals(100, scheduler.now());
        assertEquals(0, scheduler.runFor(0));
        assertEquals(1, scheduler.runFor(50));
        assertEquals(150, scheduler.now());
        assertEquals(List.of("x@100", "y@101"), log);
        assertEquals(2, scheduler.executedEvents());
    }

    @Test
    void cancelledEventsDoNotRun() {
        ScheduledEvent event = scheduler.at(10, note("cancelled"));
        scheduler.at(20, note("kept"));
        event.cancel();
        scheduler.runUntilIdle();
        assertEquals(List.of("kept@20"), log);
        assertEquals(1, scheduler.executedEvents());
    }

    @Test
    void pastTimesNegativeDelaysAndNestedRunsAreRejected() {
        scheduler.runUntil(50);
        IllegalArgumentException past = assertThrows(IllegalArgumentException.class, () -> scheduler.at(49, note("p")));
        assertTrue(past.getMessage().contains("before the current time 50"), past.getMessage());
        assertThrows(IllegalArgumentException.class, () -> scheduler.after(-1, note("n")));
        assertThrows(IllegalArgumentException.class, () -> scheduler.runUntil(10));
        assertThrows(IllegalArgumentException.class, () -> scheduler.runFor(-5));
        assertEquals(0, scheduler.pendingEvents());
        scheduler.after(1, () -> scheduler.runFor(1));
        assertThrows(IllegalStateException.class, scheduler::runUntilIdle);
    }

    @Test
    void actionsPostedFromAnotherThreadRunOnTheLoopAtItsCurrentTime() throws InterruptedException {
        scheduler.at(10, note("event"));
        scheduler.runUntil(5);
        Thread controller = new Thread(() -> scheduler.post(note("posted")));
        controller.start();
        controller.join();
        assertEquals(1, scheduler.pendingEvents(), "the posted action waits for the loop");
        scheduler.at(20, () -> scheduler.post(note("posted by an event")));
        scheduler.runUntilIdle();
        assertEquals(List.of("posted@5", "event@10", "posted by an event@20"), log);
        assertThrows(IllegalArgumentException.class, () -> scheduler.post(null));
    }

    @Test
    void callRunsOnTheLoopAndReturnsItsResultOrItsException() throws InterruptedException {
        AtomicBoolean done = new AtomicBoolean();
        long deadline = System.nanoTime() + SimTime.seconds(10);
        Thread loop = new Thread(() -> {
            while (!done.get() && System.nanoTime() < deadline) {
                scheduler.runFor(1);
            }
        });
        loop.start();
        assertEquals("on loop", scheduler.call(() -> {
            log.add(Thread.currentThread() == loop ? "loop thread" : "other thread");
            return "on loop";
        }, 5));
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> scheduler.call(() -> {
            log.add("throwing");
            throw new IllegalStateException("from the action");
        }, 5));
        assertEquals("from the action", thrown.getMessage());
        done.set(true);
        loop.join();
        assertEquals("loop thread", log.get(0));
    }

    @Test
    void callTimesOutWhenNoLoopRuns() {
        Scheduler.LoopUnavailableException e = assertThrows(Scheduler.LoopUnavailableException.class,
                () -> scheduler.call(() -> "never", 1));
        assertTrue(e.getMessage().contains("within 1 s"), e.getMessage());
    }

    @Test
    void simTimeConversions() {
        assertEquals(1_000, SimTime.micros(1));
        assertEquals(3_000_000, SimTime.millis(3));
        assertEquals(2_000_000_000L, SimTime.seconds(2));
    }
}

package org.metrofabric.emulator.onos;

import org.onosproject.event.Event;
import org.onosproject.event.EventListener;
import org.onosproject.event.ListenerRegistry;

/**
 * ONOS's listener registry, except that a listener that throws fails the emulation instead of
 * being logged: in a test bed a swallowed exception only hides a bug.
 */
final class StrictListenerRegistry<E extends Event, L extends EventListener<E>> extends ListenerRegistry<E, L> {
    @Override
    protected void reportProblem(E event, Throwable error) {
        throw new IllegalStateException("a listener failed on " + event, error);
    }
}

package org.metrofabric.emulator.scenario;

import java.util.Optional;
import org.metrofabric.fabric.api.PathIntent;

/**
 * What programs the emulated fabric during a scenario: the embedded ONOS with the unchanged apps,
 * or the controller-less baseline. The runner submits intents and applies switch failures
 * through it (link and port events act on the emulated links, which the controller observes).
 */
public interface FabricControl extends AutoCloseable {
    /** How the fabric is programmed, as the report states it. */
    String mode();

    /** Submits a path intent and answers what became of it. */
    IntentReport submit(PathIntent intent);

    /** Where the intent stands now; empty if the controller does not hold it (e.g. it was rejected). */
    Optional<IntentReport> status(String intentName);

    /** The switch dies with all its links. */
    void switchDown(String name);

    /** The switch comes back with its links. */
    void switchUp(String name);

    /**
     * Returns once the control has finished reacting to what changed so far. The runner changes
     * the fabric only while the virtual clock is paused and settles before it runs on, so a
     * reaction lands at the virtual time of its cause.
     */
    void settle();

    @Override
    void close();
}

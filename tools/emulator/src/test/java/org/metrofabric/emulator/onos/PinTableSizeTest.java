package org.metrofabric.emulator.onos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.metrofabric.fabric.app.planner.PathPlanner;
import org.metrofabric.pipeconf.MetroConstants;

/**
 * The path planner rejects an intent with TABLE_SPACE when a leaf's path_pinning table is full; the
 * capacity it counts with must be the one metro.p4 declares, or intents are admitted that the switch
 * then refuses (or refused that would fit).
 */
class PinTableSizeTest {
    @Test
    void thePlannersPinCapacityIsMetroP4sPathPinningSize() {
        long declared = MetroPipeconf.load().pipelineModel().table(MetroConstants.PATH_PINNING).orElseThrow()
                .maxSize();
        assertEquals(declared, PathPlanner.DEFAULT_PIN_TABLE_SIZE);
    }
}

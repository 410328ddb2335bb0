package org.metrofabric.emulator.onos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.metrofabric.emulator.onos.OnosFixture.LEAF1;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.metrofabric.pipeconf.MetroConstants;
import org.metrofabric.pipeconf.PipeconfLoader;
import org.onosproject.net.pi.service.PiPipeconfService;

/** The pipeconf app's unchanged PipeconfLoader component on the embedded runtime. */
class PipeconfServiceTest {
    private final EmbeddedOnos onos = OnosFixture.onos(OnosFixture.fabric());
    private final ControllerInstance c1 = onos.addInstance("c1");
    private final PiPipeconfService pipeconfs = c1.service(PiPipeconfService.class);

    @Test
    void thePipeconfLoaderRegistersTheMetroPipeconfWhileActive() throws Exception {
        onos.applyNetcfg(new ObjectMapper().readTree("{\"devices\":{\"device:leaf1\":{\"basic\":{"
                + "\"driver\":\"bmv2\",\"pipeconf\":\"org.metrofabric.pipeconf.metro\"}}}}"));
        PipeconfLoader loader = c1.activate(new PipeconfLoader());
        assertTrue(pipeconfs.getPipeconf(MetroConstants.PIPECONF_ID).isPresent());
        assertEquals(MetroConstants.PIPECONF_ID, pipeconfs.getPipeconf(LEAF1).orElseThrow().id(),
                "leaf1's netcfg names it");
        assertEquals("bmv2:org.metrofabric.pipeconf.metro", pipeconfs.getMergedDriver(LEAF1, MetroConstants.PIPECONF_ID));
        assertTrue(pipeconfs.getPipeconf(LEAF1).orElseThrow().pipelineModel().table(MetroConstants.ROUTING_V4)
                .isPresent());
        c1.deactivate(loader);
        assertTrue(pipeconfs.getPipeconf(MetroConstants.PIPECONF_ID).isEmpty());
    }

    @Test
    void registeringAnIdTwiceIsRefused() {
        pipeconfs.register(MetroPipeconf.load());
        assertThrows(IllegalStateException.class, () -> pipeconfs.register(MetroPipeconf.load()));
        assertThrows(IllegalStateException.class, () -> pipeconfs.unregister(
                new org.onosproject.net.pi.model.PiPipeconfId("nope")));
    }
}

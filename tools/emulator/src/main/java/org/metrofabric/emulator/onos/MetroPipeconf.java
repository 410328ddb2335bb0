package org.metrofabric.emulator.onos;

import java.net.URL;
import org.metrofabric.pipeconf.MetroConstants;
import org.metrofabric.pipeconf.MetroInterpreter;
import org.onosproject.net.pi.model.DefaultPiPipeconf;
import org.onosproject.net.pi.model.PiPipeconf;
import org.onosproject.net.pi.model.PiPipelineInterpreter;
import org.onosproject.p4runtime.model.P4InfoParser;
import org.onosproject.p4runtime.model.P4InfoParserException;

/**
 * The metro pipeconf as the embedded runtime needs it: the P4Info packaged in the pipeconf bundle,
 * parsed by ONOS's own P4InfoParser, with the bundle's {@link MetroInterpreter}. (The pipeliner and
 * the BMv2 JSON only matter to a real ONOS.)
 */
public final class MetroPipeconf {
    /** Where the pipeconf bundle packages the P4Info of metro.p4. */
    public static final String P4INFO_RESOURCE = "/metro.p4info.txt";

    private MetroPipeconf() {
    }

    public static PiPipeconf load() {
        URL p4info = MetroInterpreter.class.getResource(P4INFO_RESOURCE);
        if (p4info == null) {
            throw new IllegalStateException("the pipeconf bundle has no " + P4INFO_RESOURCE);
        }
        try {
            return DefaultPiPipeconf.builder()
                    .withId(MetroConstants.PIPECONF_ID)
                    .withPipelineModel(P4InfoParser.parse(p4info))
                    .addBehaviour(PiPipelineInterpreter.class, MetroInterpreter.class)
                    .build();
        } catch (P4InfoParserException e) {
            throw new IllegalStateException("cannot parse " + p4info + ": " + e.getMessage(), e);
        }
    }
}

package org.metrofabric.pipeconf;

import org.onosproject.net.pi.model.PiPipelineModel;
import org.onosproject.p4runtime.model.P4InfoParser;
import org.onosproject.p4runtime.model.P4InfoParserException;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The committed P4Info of metro.p4, as the tests load it. */
final class MetroP4Info {

    private MetroP4Info() {
    }

    static URL url() {
        URL url = MetroP4Info.class.getResource(MetroPipeconfFactory.P4INFO_RESOURCE);
        assertNotNull(url, "resource " + MetroPipeconfFactory.P4INFO_RESOURCE + " missing");
        return url;
    }

    static PiPipelineModel model() throws P4InfoParserException {
        return P4InfoParser.parse(url());
    }
}

package org.metrofabric.pipeconf;

import org.onosproject.net.pi.model.PiPipeconf;
import org.onosproject.net.pi.service.PiPipeconfService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URL;
import java.util.Optional;

/** Registers the metro.p4 pipeconf with ONOS while the app is active. */
@Component(immediate = true)
public class PipeconfLoader {

    private final Logger log = LoggerFactory.getLogger(getClass());

    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected PiPipeconfService pipeconfService;

    @Activate
    protected void activate() {
        URL p4Info = getClass().getResource(MetroPipeconfFactory.P4INFO_RESOURCE);
        if (p4Info == null) {
            throw new IllegalStateException("the app bundle has no " + MetroPipeconfFactory.P4INFO_RESOURCE
                                                    + "; rebuild apps/pipeconf");
        }
        Optional<URL> bmv2Json = Optional.ofNullable(getClass().getResource(MetroPipeconfFactory.BMV2_JSON_RESOURCE));
        if (bmv2Json.isEmpty()) {
            log.warn("Pipeconf {} has no BMv2 JSON, so ONOS cannot push metro.p4 to a BMv2 switch: "
                             + "run `make -C p4src` first (needs p4c), then rebuild and reinstall this app",
                     MetroConstants.PIPECONF_ID);
        }
        PiPipeconf pipeconf = MetroPipeconfFactory.build(p4Info, bmv2Json);
        // A pipeconf registered by an earlier version of this app (or a crashed one) keeps the id.
        if (pipeconfService.getPipeconf(pipeconf.id()).isPresent()) {
            log.info("Replacing the registered pipeconf {}", pipeconf.id());
            pipeconfService.unregister(pipeconf.id());
        }
        pipeconfService.register(pipeconf);
        log.info("Registered pipeconf {} (BMv2 JSON {})", pipeconf.id(),
                 bmv2Json.isPresent() ? "included" : "missing");
    }

    @Deactivate
    protected void deactivate() {
        if (pipeconfService.getPipeconf(MetroConstants.PIPECONF_ID).isPresent()) {
            pipeconfService.unregister(MetroConstants.PIPECONF_ID);
            log.info("Unregistered pipeconf {}", MetroConstants.PIPECONF_ID);
        }
    }
}

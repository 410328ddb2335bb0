package org.metrofabric.fabric.app.cli;

import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.metrofabric.fabric.api.FabricDevice;
import org.metrofabric.fabric.api.FabricService;
import org.metrofabric.fabric.api.FabricView;
import org.onosproject.cli.AbstractChoicesCompleter;
import org.onosproject.cli.AbstractShellCommand;

/** Completes intent endpoints: host names, then leaf subnets. */
@Service
public class EndpointCompleter extends AbstractChoicesCompleter {
    @Override
    protected List<String> choices() {
        return endpoints(AbstractShellCommand.get(FabricService.class).fabric());
    }

    static List<String> endpoints(FabricView view) {
        List<String> choices = new ArrayList<>();
        view.hosts().forEach(host -> choices.add(host.name()));
        for (FabricDevice device : view.devices()) {
            device.subnets().forEach(subnet -> choices.add(subnet.toString()));
        }
        return choices;
    }
}

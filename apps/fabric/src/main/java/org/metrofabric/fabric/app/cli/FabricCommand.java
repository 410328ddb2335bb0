package org.metrofabric.fabric.app.cli;

import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.metrofabric.fabric.api.FabricService;
import org.onosproject.cli.AbstractShellCommand;

/** metro-fabric: switch roles, link states and per-link reservations. */
@Service
@Command(scope = "onos", name = "metro-fabric", description = "Shows switch roles, link states and per-link reservations")
public class FabricCommand extends AbstractShellCommand {

    @Override
    protected void doExecute() {
        lines(get(FabricService.class)).forEach(line -> print("%s", line));
    }

    List<String> lines(FabricService fabric) {
        return Tables.fabric(fabric.fabric());
    }
}

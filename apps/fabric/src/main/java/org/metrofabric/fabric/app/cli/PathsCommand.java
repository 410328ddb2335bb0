package org.metrofabric.fabric.app.cli;

import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.metrofabric.fabric.api.FabricService;
import org.metrofabric.fabric.api.IntentStatus;
import org.onosproject.cli.AbstractShellCommand;

/** metro-paths: every intent with its state, spine, computed latency and reserved bandwidth. */
@Service
@Command(scope = "onos", name = "metro-paths", description = "Lists path intents: state, spine, latency, reserved bandwidth")
public class PathsCommand extends AbstractShellCommand {

    @Override
    protected void doExecute() {
        lines(get(FabricService.class)).forEach(line -> print("%s", line));
    }

    List<String> lines(FabricService fabric) {
        List<String> lines = new ArrayList<>();
        lines.add(Tables.INTENT_HEADER);
        for (IntentStatus status : fabric.intents()) {
            lines.add(Tables.intent(status));
        }
        return lines;
    }
}

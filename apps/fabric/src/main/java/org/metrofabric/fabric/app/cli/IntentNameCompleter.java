package org.metrofabric.fabric.app.cli;

import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.metrofabric.fabric.api.FabricService;
import org.onosproject.cli.AbstractChoicesCompleter;
import org.onosproject.cli.AbstractShellCommand;

/** Completes the names of existing path intents. */
@Service
public class IntentNameCompleter extends AbstractChoicesCompleter {
    @Override
    protected List<String> choices() {
        List<String> names = new ArrayList<>();
        AbstractShellCommand.get(FabricService.class).intents().forEach(status -> names.add(status.name()));
        return names;
    }
}

package org.metrofabric.fabric.app.cli;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.metrofabric.fabric.api.FabricAdminService;
import org.metrofabric.fabric.api.IntentSyntaxException;
import org.metrofabric.fabric.api.PathIntentParser;
import org.onosproject.cli.AbstractShellCommand;

/** metro-path-remove NAME. */
@Service
@Command(scope = "onos", name = "metro-path-remove", description = "Removes a path intent and frees its bandwidth")
public class PathRemoveCommand extends AbstractShellCommand {
    @Argument(index = 0, name = "name", description = "Intent name", required = true)
    @Completion(IntentNameCompleter.class)
    String name;

    @Override
    protected void doExecute() {
        try {
            print("%s", remove(get(FabricAdminService.class)));
        } catch (IntentSyntaxException e) {
            error("%s", e.getMessage());
        }
    }

    String remove(FabricAdminService admin) {
        String intentName = PathIntentParser.parseName(name);
        if (!admin.removeIntent(intentName)) {
            throw new IntentSyntaxException(PathIntentParser.FIELD_NAME, "no intent named " + intentName);
        }
        return "removed " + intentName;
    }
}

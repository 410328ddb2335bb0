package org.metrofabric.fabric.app.cli;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.metrofabric.fabric.api.FabricAdminService;
import org.metrofabric.fabric.api.IntentRejectedException;
import org.metrofabric.fabric.api.IntentSyntaxException;
import org.metrofabric.fabric.api.PathIntentParser;
import org.onosproject.cli.AbstractShellCommand;

/** metro-path-add NAME FROM TO [--latency-us N] [--bandwidth-mbps N]. */
@Service
@Command(scope = "onos", name = PathIntentParser.COMMAND,
        description = "Adds a single-hop path intent from a user endpoint (access leaf) to a cloud endpoint")
public class PathAddCommand extends AbstractShellCommand {
    @Argument(index = 0, name = "name", description = "Intent name", required = true)
    String name;

    @Argument(index = 1, name = "from", description = "User end: host name, IPv4 address or prefix", required = true)
    @Completion(EndpointCompleter.class)
    String from;

    @Argument(index = 2, name = "to", description = "Cloud end: host name, IPv4 address or prefix", required = true)
    @Completion(EndpointCompleter.class)
    String to;

    @Option(name = PathIntentParser.LATENCY_OPTION, description = "One-way latency budget in microseconds")
    String latencyUs;

    @Option(name = PathIntentParser.BANDWIDTH_OPTION, description = "Bandwidth to reserve in Mb/s")
    String bandwidthMbps;

    @Override
    protected void doExecute() {
        try {
            print("%s", add(get(FabricAdminService.class)));
        } catch (IntentSyntaxException | IntentRejectedException e) {
            error("%s", e.getMessage());
        }
    }

    /** @return the admitted intent's line; the parser's or the admission's exception otherwise */
    String add(FabricAdminService admin) {
        return Tables.intent(admin.addIntent(PathIntentParser.parse(name, from, to, latencyUs, bandwidthMbps)));
    }
}

package org.metrofabric.topology.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.metrofabric.topology.load.TopologyException;
import org.metrofabric.topology.load.TopologyLoader;
import org.metrofabric.topology.model.Topology;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "validate", description = "Check a topology file; print every problem with its JSON path.")
final class ValidateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "topology JSON")
    Path file;

    @Override
    public Integer call() {
        try {
            Topology topology = TopologyLoader.load(file);
            spec.commandLine().getOut().printf("%s: ok (%d spines, %d leaves, %d hosts, %d links)%n", file,
                    topology.spines().size(), topology.leaves().size(), topology.hosts().size(), topology.links().size());
            return 0;
        } catch (TopologyException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
    }
}

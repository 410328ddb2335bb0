package org.metrofabric.topology.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.metrofabric.topology.generate.GeneratorSpec;
import org.metrofabric.topology.generate.TopologyGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", description = "Generate a full-mesh leaf-spine topology file of any size.")
final class GenerateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--name", description = "topology name (default: metro-SxL)")
    String name;

    @Option(names = "--spines", required = true, description = "number of spines")
    int spines;

    @Option(names = "--leaves", required = true, description = "number of leaves of all kinds")
    int leaves;

    @Option(names = "--edge-cloud", description = "edge-cloud leaves among them (default: leaves / 8, at least 1)")
    Integer edgeCloud;

    @Option(names = "--core-cloud", description = "core-cloud leaves among them (default: leaves / 32, at least 1)")
    Integer coreCloud;

    @Option(names = "--hosts-per-leaf", defaultValue = "1", description = "hosts on every leaf (default: ${DEFAULT-VALUE})")
    int hostsPerLeaf;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "write here instead of standard output")
    Path output;

    @Override
    public Integer call() throws IOException {
        int edge = edgeCloud != null ? edgeCloud : Math.max(1, leaves / 8);
        int core = coreCloud != null ? coreCloud : Math.max(1, leaves / 32);
        if (edge + core >= leaves) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--leaves " + leaves + " leaves no access leaf after " + edge + " edge-cloud and " + core + " core-cloud leaves");
        }
        GeneratorSpec generatorSpec;
        try {
            generatorSpec = new GeneratorSpec(name != null ? name : "metro-" + spines + "x" + leaves,
                    spines, leaves - edge - core, edge, core, hostsPerLeaf);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Json.write(TopologyGenerator.generate(generatorSpec), output, spec.commandLine().getOut());
        return 0;
    }
}

package org.metrofabric.topology.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.metrofabric.topology.load.TopologyException;
import org.metrofabric.topology.load.TopologyLoader;
import org.metrofabric.topology.netcfg.NetcfgWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "netcfg", description = "Write the ONOS netcfg (devices, ports, links, hosts) for a topology file.")
final class NetcfgCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "topology JSON")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "write here instead of standard output")
    Path output;

    @Override
    public Integer call() throws IOException {
        try {
            Json.write(NetcfgWriter.write(TopologyLoader.load(file)), output, spec.commandLine().getOut());
            return 0;
        } catch (TopologyException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
    }
}

package org.metrofabric.topology.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code topology generate|netcfg|validate}: the command-line face of the topology tool. */
@Command(name = "topology", mixinStandardHelpOptions = true,
        description = "Metro fabric topologies: validate, generate, and derive ONOS netcfg.",
        subcommands = {ValidateCommand.class, GenerateCommand.class, NetcfgCommand.class})
public final class TopologyCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (validate, generate or netcfg)");
    }

    public static CommandLine commandLine() {
        return new CommandLine(new TopologyCli());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}

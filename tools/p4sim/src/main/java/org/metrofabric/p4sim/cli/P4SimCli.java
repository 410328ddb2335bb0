package org.metrofabric.p4sim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code p4sim} command; each verb is a subcommand. */
@Command(name = "p4sim", mixinStandardHelpOptions = true,
        subcommands = {P4InfoCommand.class, ConformCommand.class, TraceCommand.class, ServeCommand.class},
        description = "P4_16 front-end and v1model interpreter for MetroFabric.")
public final class P4SimCli {
    public static void main(String[] args) {
        System.exit(new CommandLine(new P4SimCli()).execute(args));
    }
}

package org.metrofabric.emulator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code emulator run [SCENARIO.json]}: the project's main job. */
@Command(name = "emulator", mixinStandardHelpOptions = true, version = "MetroFabric emulator 0.1.0",
        description = "Runs MetroFabric scenarios: p4sim switches running metro.p4, the ONOS apps on an embedded runtime, "
                + "test traffic and failures on a virtual clock.",
        subcommands = {RunCommand.class, ServeCommand.class})
public final class EmulatorCli {
    private EmulatorCli() {
    }

    public static CommandLine commandLine() {
        return new CommandLine(new EmulatorCli());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}

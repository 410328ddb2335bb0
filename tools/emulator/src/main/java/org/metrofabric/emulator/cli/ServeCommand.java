package org.metrofabric.emulator.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.metrofabric.emulator.clock.RealTimeLoop;
import org.metrofabric.emulator.fabric.Fabric;
import org.metrofabric.emulator.fabric.MetroPipeline;
import org.metrofabric.emulator.serve.FabricConsole;
import org.metrofabric.emulator.serve.P4RuntimeFabricServer;
import org.metrofabric.p4sim.P4Sim;
import org.metrofabric.topology.load.TopologyException;
import org.metrofabric.topology.load.TopologyLoader;
import org.metrofabric.topology.model.Switch;
import org.metrofabric.topology.model.Topology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code emulator serve --topology FILE}: the emulated fabric in real time, each switch a P4Runtime device on TCP. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the topology's fabric in real time with each switch listening for P4Runtime on its "
                + "grpcPort under its deviceId (what the topology's netcfg says), and a console on standard input "
                + "for the hosts. Exit code 2: bad topology or a port that cannot be bound.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--topology", required = true, paramLabel = "FILE", description = "the topology JSON file")
    private Path topologyFile;

    @Option(names = "--host", defaultValue = "0.0.0.0", paramLabel = "ADDRESS",
            description = "the address the switches listen on (default: ${DEFAULT-VALUE})")
    private String host;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Topology topology;
        try {
            topology = TopologyLoader.load(topologyFile);
        } catch (TopologyException e) {
            err.println(topologyFile + ": " + e.getMessage());
            return RunCommand.EXIT_BAD_INPUT;
        }
        P4Sim.LoadedPipeline pipeline = P4Sim.load(MetroPipeline.locate(topologyFile.toAbsolutePath().getParent()));
        Fabric fabric = Fabric.builder(topology, pipeline).build();
        P4RuntimeFabricServer server;
        try {
            server = P4RuntimeFabricServer.start(fabric, host, Switch::grpcPort);
        } catch (UncheckedIOException e) {
            err.println(e.getMessage());
            return RunCommand.EXIT_BAD_INPUT;
        }
        try (server; RealTimeLoop loop = RealTimeLoop.start(fabric.scheduler(), "emulator-loop")) {
            for (Switch sw : topology.switches()) {
                out.println(sw.name() + ": P4Runtime on " + host + ":" + server.port(sw.name()) + ", device_id "
                        + sw.deviceId() + " (" + sw.onosDeviceId() + ")");
            }
            new FabricConsole(fabric, out).run(new BufferedReader(new InputStreamReader(System.in,
                    StandardCharsets.UTF_8)));
            if (loop.failure() != null) {
                err.println("the emulator loop stopped: " + loop.failure());
                return RunCommand.EXIT_FAILED;
            }
        }
        return 0;
    }
}

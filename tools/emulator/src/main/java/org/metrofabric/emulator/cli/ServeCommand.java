package org.metrofabric.emulator.cli;

import io.grpc.StatusRuntimeException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.metrofabric.emulator.clock.RealTimeLoop;
import org.metrofabric.emulator.fabric.Fabric;
import org.metrofabric.emulator.fabric.MetroPipeline;
import org.metrofabric.emulator.fabric.V1ModelPorts;
import org.metrofabric.emulator.onos.P4RuntimeFabric;
import org.metrofabric.emulator.onos.PiWriteException;
import org.metrofabric.emulator.scenario.OnosControl;
import org.metrofabric.emulator.serve.EmulatorLoop;
import org.metrofabric.emulator.serve.FabricConsole;
import org.metrofabric.emulator.serve.HostTraffic;
import org.metrofabric.emulator.serve.HostTrafficRestServer;
import org.metrofabric.emulator.serve.P4RuntimeFabricServer;
import org.metrofabric.emulator.serve.PathIntents;
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
                + "grpcPort under its deviceId (what the topology's netcfg says), a console on standard input "
                + "for the hosts (ping, start/stop UDP flows, flow statistics) and, with --rest-port, the same as a "
                + "REST API. With --control onos the embedded ONOS apps program the switches at once, and the "
                + "console and REST API add, list and remove path intents. "
                + "Exit code 2: bad option or topology, or a port that cannot be bound.")
final class ServeCommand implements Callable<Integer> {
    /** How long a console or REST request waits for the loop to run it. */
    private static final long LOOP_TIMEOUT_SECONDS = 10;

    @Spec
    private CommandSpec spec;

    @Option(names = "--topology", required = true, paramLabel = "FILE", description = "the topology JSON file")
    private Path topologyFile;

    @Option(names = "--host", defaultValue = "0.0.0.0", paramLabel = "ADDRESS",
            description = "the address the switches listen on (default: ${DEFAULT-VALUE})")
    private String host;

    /** Who programs the served switches. */
    enum Control {
        /** Nobody until a controller connects over TCP. */
        none,
        /** The embedded ONOS runtime with the pipeconf and fabric apps, one more P4Runtime client of each switch. */
        onos
    }

    @Option(names = "--control", defaultValue = "none", paramLabel = "none|onos",
            description = "none (default): the switches wait for a controller on TCP; onos: the embedded ONOS "
                    + "runtime with the MetroFabric apps programs them at once, as a P4Runtime client with election "
                    + "id " + P4RuntimeFabric.ELECTION_ID + ", so a controller connecting with a higher one takes over")
    private Control control;

    @Option(names = "--rest-port", paramLabel = "PORT",
            description = "also serve the host-traffic REST API (hosts, ping, flows) on this port of --host; "
                    + "0 picks a free one (default: no REST API)")
    private Integer restPort;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (restPort != null && (restPort < 0 || restPort > 0xffff)) {
            err.println("--rest-port: must be 0..65535 (0 = any free port), got " + restPort);
            return RunCommand.EXIT_BAD_INPUT;
        }
        Topology topology;
        try {
            topology = TopologyLoader.load(topologyFile);
        } catch (TopologyException e) {
            err.println(topologyFile + ": " + e.getMessage());
            return RunCommand.EXIT_BAD_INPUT;
        }
        Optional<String> portProblems = V1ModelPorts.problems(topology);
        if (portProblems.isPresent()) {
            err.println(topologyFile + ": cannot emulate on v1model: " + portProblems.get());
            return RunCommand.EXIT_BAD_INPUT;
        }
        P4Sim.LoadedPipeline pipeline = P4Sim.load(MetroPipeline.locate(topologyFile.toAbsolutePath().getParent()));
        Fabric fabric = Fabric.builder(topology, pipeline).build();
        HostTraffic traffic = new HostTraffic(fabric, EmulatorLoop.posting(fabric.scheduler(), LOOP_TIMEOUT_SECONDS));
        HostTrafficRestServer rest = null;
        if (restPort != null) {
            try {
                rest = HostTrafficRestServer.bind(traffic, host, restPort);
            } catch (UncheckedIOException e) {
                err.println(e.getMessage());
                return RunCommand.EXIT_BAD_INPUT;
            }
        }
        P4RuntimeFabricServer server;
        try {
            server = P4RuntimeFabricServer.start(fabric, host, Switch::grpcPort);
        } catch (UncheckedIOException e) {
            if (rest != null) {
                rest.close();
            }
            err.println(e.getMessage());
            return RunCommand.EXIT_BAD_INPUT;
        }
        try (server; HostTrafficRestServer restApi = rest;
             RealTimeLoop loop = RealTimeLoop.start(fabric.scheduler(), "emulator-loop");
             OnosControl onos = control == Control.onos ? startControl(fabric, server) : null) {
            PathIntents intents = onos == null ? null : new PathIntents(onos);
            if (restApi != null) {
                restApi.serve(intents);
            }
            for (Switch sw : topology.switches()) {
                out.println(sw.name() + ": P4Runtime on " + host + ":" + server.port(sw.name()) + ", device_id "
                        + sw.deviceId() + " (" + sw.onosDeviceId() + ")");
            }
            if (onos != null) {
                out.println("embedded ONOS: the MetroFabric apps have programmed the switches, as a P4Runtime "
                        + "client with election id " + P4RuntimeFabric.ELECTION_ID
                        + " (a controller connecting with a higher one becomes primary)");
            }
            if (restApi != null) {
                out.println("REST API on http://" + host + ":" + restApi.port() + " (/hosts, /ping, /flows"
                        + (intents == null ? "" : ", /intents") + ")");
            }
            boolean quit = new FabricConsole(traffic, intents, out).run(new BufferedReader(
                    new InputStreamReader(System.in, StandardCharsets.UTF_8)));
            if (!quit && restApi != null) {
                out.println("standard input closed; serving until interrupted");
                out.flush();
                waitWhileRunning(loop);
            }
            if (loop.failure() != null) {
                err.println("the emulator loop stopped: " + loop.failure());
                return RunCommand.EXIT_FAILED;
            }
        } catch (ControlNotStarted e) {
            err.println("--control onos: " + e.getMessage());
            return RunCommand.EXIT_FAILED;
        }
        return 0;
    }

    /** The embedded ONOS on the served switches; the loop must be running, as its first writes wait for it. */
    private static OnosControl startControl(Fabric fabric, P4RuntimeFabricServer server) {
        try {
            return OnosControl.start(fabric, server.embeddedClients());
        } catch (IllegalStateException | StatusRuntimeException | PiWriteException e) {
            throw new ControlNotStarted("the embedded controller could not program the switches: " + e.getMessage(), e);
        }
    }

    /** E.g. a controller with a higher election id connected first, or the loop did not answer. */
    private static final class ControlNotStarted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ControlNotStarted(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Returns when the loop has failed or this thread is interrupted; checks once a second, as nothing waits on it sooner. */
    private static void waitWhileRunning(RealTimeLoop loop) {
        try {
            while (loop.failure() == null) {
                Thread.sleep(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

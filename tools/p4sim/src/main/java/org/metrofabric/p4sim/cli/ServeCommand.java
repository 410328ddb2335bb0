package org.metrofabric.p4sim.cli;

import io.grpc.Server;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.metrofabric.p4runtime.server.P4RuntimeServer;
import org.metrofabric.p4sim.P4Sim;
import org.metrofabric.p4sim.frontend.P4CompileException;
import org.metrofabric.p4sim.serve.P4SimTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code p4sim serve FILE.p4 [--device-id N] [--port P] [--ageing-sweep-ms MS]}: one switch running the
 * program, served as a P4Runtime device over gRPC until the process is stopped. The device starts with no
 * pipeline config; a client sends SetForwardingPipelineConfig with the program's P4Info first, as ONOS does.
 * Entries with idle timeouts are swept on the wall clock every {@code MS} ms, as BMv2's ageing monitor does.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a v1model P4_16 program as a P4Runtime device (gRPC); CPU port 255.")
public final class ServeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.p4", description = "the P4_16 program the switch runs")
    private Path program;

    @Option(names = "--device-id", paramLabel = "N", defaultValue = "1",
            description = "P4Runtime device id (default ${DEFAULT-VALUE})")
    private long deviceId;

    @Option(names = "--port", paramLabel = "P", defaultValue = "9559",
            description = "TCP port, 0 for any free one (default ${DEFAULT-VALUE}, P4Runtime's)")
    private int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = "0.0.0.0",
            description = "address to listen on (default ${DEFAULT-VALUE})")
    private String host;

    /** A day: far beyond any useful interval, and a bound that keeps a typo from disabling ageing. */
    static final int MAX_AGEING_SWEEP_MS = 86_400_000;

    @Option(names = "--ageing-sweep-ms", paramLabel = "MS", defaultValue = "" + P4SimTarget.DEFAULT_AGEING_SWEEP_MS,
            description = "how often entries with idle timeouts are checked, in ms (1.." + MAX_AGEING_SWEEP_MS
                    + "; default ${DEFAULT-VALUE}, BMv2's)")
    private int ageingSweepMs;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            spec.commandLine().getErr().println("--port: " + port + " is not a TCP port (0..65535)");
            return 2;
        }
        if (ageingSweepMs < 1 || ageingSweepMs > MAX_AGEING_SWEEP_MS) {
            spec.commandLine().getErr().println("--ageing-sweep-ms: " + ageingSweepMs + " is not an interval in "
                    + "milliseconds (1.." + MAX_AGEING_SWEEP_MS + ")");
            return 2;
        }
        P4Sim.LoadedPipeline pipeline;
        try {
            pipeline = P4Sim.load(program);
        } catch (P4CompileException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
        P4SimTarget target = new P4SimTarget(pipeline);
        P4RuntimeServer service = new P4RuntimeServer().addDevice(deviceId, target);
        Server server = service.startTcp(host, port);
        ScheduledExecutorService ageing = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "p4sim-ageing");
            thread.setDaemon(true);
            return thread;
        });
        PrintWriter err = spec.commandLine().getErr();
        ageing.scheduleAtFixedRate(() -> sweep(target, err), ageingSweepMs, ageingSweepMs, TimeUnit.MILLISECONDS);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("p4sim serve: %s as P4Runtime device %s on %s:%d (CPU port %d, ageing sweep every %d ms); "
                + "Ctrl-C stops%n", program, Long.toUnsignedString(deviceId), host, server.getPort(),
                P4SimTarget.CPU_PORT, ageingSweepMs);
        out.flush();
        Thread stopOnExit = new Thread(server::shutdown);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            server.awaitTermination();
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        } finally {
            ageing.shutdownNow();
            server.shutdownNow();
            service.close();
            removeHook(stopOnExit);
        }
        return 0;
    }

    /** One sweep; a failure is reported and the next sweep still runs (an executor drops a task that throws). */
    private static void sweep(P4SimTarget target, PrintWriter err) {
        try {
            target.sweepIdleEntries();
        } catch (RuntimeException e) {
            err.println("p4sim serve: ageing sweep failed: " + e);
            err.flush();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // the JVM is already shutting down and runs the hook itself
        }
    }
}

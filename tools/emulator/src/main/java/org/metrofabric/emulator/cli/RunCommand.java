package org.metrofabric.emulator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.metrofabric.emulator.fabric.MetroPipeline;
import org.metrofabric.emulator.scenario.ControllerLessControl;
import org.metrofabric.emulator.scenario.OnosControl;
import org.metrofabric.emulator.scenario.Scenario;
import org.metrofabric.emulator.scenario.ScenarioException;
import org.metrofabric.emulator.scenario.ScenarioReader;
import org.metrofabric.emulator.scenario.ScenarioReport;
import org.metrofabric.emulator.scenario.ScenarioResult;
import org.metrofabric.emulator.scenario.ScenarioRunner;
import org.metrofabric.p4sim.P4Sim;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs one scenario, prints the report, optionally writes it as JSON; the exit code says whether it passed. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a scenario (default: " + RunCommand.DEFAULT_SCENARIO + ", found from the working directory "
                + "upwards) and print its report. Exit code 0: every expectation held; 1: one failed; 2: bad input.")
final class RunCommand implements Callable<Integer> {
    static final String DEFAULT_SCENARIO = "topologies/scenarios/default.json";
    static final int EXIT_FAILED = 1;
    static final int EXIT_BAD_INPUT = 2;

    /** Who programs the fabric. */
    enum Control { onos, controller_less }

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "SCENARIO", description = "the scenario JSON file")
    private Path scenarioFile;

    @Option(names = "--json", paramLabel = "OUT", description = "also write the report as JSON to OUT")
    private Path jsonOut;

    @Option(names = "--control", paramLabel = "MODE", defaultValue = "onos",
            description = "onos (default): the ONOS apps on the embedded runtime; controller_less: static routes only, "
                    + "no intents, no failure handling (a baseline)")
    private Control control;

    @Option(names = "--device-layer", paramLabel = "LAYER", defaultValue = "p4runtime",
            description = "with --control onos: p4runtime (default): the runtime writes P4Runtime messages over "
                    + "grpc-java to each switch; direct: PI objects handed to p4sim with no wire (faster)")
    private OnosControl.DeviceLayer deviceLayer;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Scenario scenario;
        Path file = scenarioFile != null ? scenarioFile : locateDefault();
        if (file == null) {
            err.println("no " + DEFAULT_SCENARIO + " in " + Path.of("").toAbsolutePath()
                    + " or any folder above it; run from the repository or give a scenario file");
            return EXIT_BAD_INPUT;
        }
        try {
            scenario = ScenarioReader.read(file);
        } catch (ScenarioException e) {
            err.println(file + ": " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        P4Sim.LoadedPipeline pipeline = P4Sim.load(MetroPipeline.locate(scenario.topologyFile().getParent()));
        ScenarioRunner runner = new ScenarioRunner(pipeline,
                control == Control.onos ? fabric -> OnosControl.start(fabric, deviceLayer) : ControllerLessControl::new);
        ScenarioResult result = runner.run(scenario);
        out.print(ScenarioReport.text(result));
        out.flush();
        if (jsonOut != null) {
            try {
                Files.writeString(jsonOut, new ObjectMapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(ScenarioReport.json(result)) + "\n");
            } catch (IOException e) {
                err.println("--json: cannot write " + jsonOut + ": " + e.getMessage());
                return EXIT_BAD_INPUT;
            }
        }
        return result.passed() ? 0 : EXIT_FAILED;
    }

    /** The default scenario in the working directory or the nearest folder above it; null if none. */
    private static Path locateDefault() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DEFAULT_SCENARIO);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}

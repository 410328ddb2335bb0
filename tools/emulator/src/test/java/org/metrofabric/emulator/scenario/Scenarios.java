package org.metrofabric.emulator.scenario;

import java.nio.file.Path;
import org.metrofabric.emulator.fabric.MetroPipeline;
import org.metrofabric.p4sim.P4Sim;

/** metro.p4 compiled once for every scenario test, and the repository's topologies folder. */
final class Scenarios {
    static final Path TOPOLOGIES = MetroPipeline.locate(Path.of("")).getParent().getParent().resolve("topologies");
    static final P4Sim.LoadedPipeline PIPELINE = P4Sim.load(MetroPipeline.locate(Path.of("")));

    private Scenarios() {
    }

    /** Parses scenario JSON whose topology path is relative to the topologies folder. */
    static Scenario parse(String json) {
        return ScenarioReader.parse(json, TOPOLOGIES);
    }

    static ScenarioResult runWithOnos(Scenario scenario) {
        return new ScenarioRunner(PIPELINE, OnosControl::start).run(scenario);
    }

    static ScenarioResult runControllerLess(Scenario scenario) {
        return new ScenarioRunner(PIPELINE, ControllerLessControl::new).run(scenario);
    }
}

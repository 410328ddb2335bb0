package org.metrofabric.p4sim;

import java.nio.file.Path;
import org.metrofabric.p4sim.arch.v1model.V1Switch;
import org.metrofabric.p4sim.control.SwitchControl;
import org.metrofabric.p4sim.ir.Program;
import org.metrofabric.p4sim.p4info.P4InfoWriter;
import org.metrofabric.p4sim.p4info.PipelineExtrasBuilder;
import org.metrofabric.p4sim.runtime.PipelineExtras;
import org.metrofabric.p4sim.runtime.SwitchState;
import org.metrofabric.p4sim.typecheck.Compiler;
import p4.config.v1.P4InfoOuterClass.P4Info;

/**
 * p4sim in one call: compile a v1model program, describe it as P4Info, and make switches running it.
 * <pre>
 *   LoadedPipeline pipeline = P4Sim.load(Path.of("metro.p4"));
 *   P4Sim.Switch sw = pipeline.newSwitch();
 *   sw.control().write(...);                     // PI writes, validated like P4Runtime
 *   sw.dataPlane().process(port, frame, nowNanos);
 * </pre>
 */
public final class P4Sim {
    private P4Sim() {
    }

    /** Compiles {@code p4File}; throws {@code P4CompileException} (file:line:column) if it is not valid. */
    public static LoadedPipeline load(Path p4File) {
        return of(Compiler.compile(p4File));
    }

    /** Wraps an already compiled program. */
    public static LoadedPipeline of(Program program) {
        return new LoadedPipeline(program, P4InfoWriter.write(program), PipelineExtrasBuilder.build(program));
    }

    /** A compiled program with its P4Info and the target extras the runtime needs. */
    public record LoadedPipeline(Program program, P4Info p4info, PipelineExtras extras) {
        /** A new switch with empty tables running this program. */
        public Switch newSwitch() {
            SwitchState state = new SwitchState(p4info, extras);
            return new Switch(new V1Switch(program, state), state, new SwitchControl(state));
        }
    }

    /** One switch: its packet pipeline, its data-plane state and the control API over that state. */
    public record Switch(V1Switch dataPlane, SwitchState state, SwitchControl control) { }
}

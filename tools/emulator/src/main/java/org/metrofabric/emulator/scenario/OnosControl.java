package org.metrofabric.emulator.scenario;

import java.util.List;
import java.util.Optional;
import org.metrofabric.emulator.fabric.Fabric;
import org.metrofabric.emulator.onos.ControllerInstance;
import org.metrofabric.emulator.onos.EmbeddedOnos;
import org.metrofabric.emulator.onos.MetroPipeconf;
import org.metrofabric.emulator.onos.P4RuntimeFabric;
import org.metrofabric.fabric.api.FabricAdminService;
import org.metrofabric.fabric.api.IntentRejectedException;
import org.metrofabric.fabric.api.IntentStatus;
import org.metrofabric.fabric.api.PathIntent;
import org.metrofabric.fabric.app.FabricManager;
import org.metrofabric.pipeconf.PipeconfLoader;
import org.metrofabric.topology.netcfg.NetcfgWriter;
import org.onosproject.net.pi.service.PiPipeconfService;

/**
 * The fabric programmed by the unchanged ONOS apps on the embedded runtime: the topology's netcfg
 * (from {@link NetcfgWriter}) is applied, the pipeconf app's {@link PipeconfLoader} and the fabric
 * app's {@link FabricManager} are activated on one controller instance, and intents go through
 * {@link FabricAdminService} (FabricManager's).
 *
 * <p>FabricManager reacts to topology events on its own thread. To keep runs deterministic, the
 * runner only changes the fabric while the virtual clock is paused, and then {@link #settle()}s:
 * it waits until the app has finished reacting, so its writes land at the event's virtual time
 * (an idealised controller: no reaction delay).
 *
 * <p>Over served switches ({@link #start(Fabric, P4RuntimeFabric)}) the clock runs in real time
 * instead: the apps react on their own threads while the fabric forwards, and {@link #settle()}
 * only waits for the work queued so far.
 */
public final class OnosControl implements FabricControl {
    /**
     * A reconcile's store update can queue one more reconcile behind the wait, so the wait is
     * passed twice: the second reconcile finds nothing to change and queues none.
     */
    private static final int SETTLE_PASSES = 2;

    /** How the embedded ONOS reaches the switches. */
    public enum DeviceLayer {
        /** PI objects handed to p4sim in the same process, no wire. */
        direct,
        /** P4Runtime messages over grpc-java (in-process transport), as a real deployment's. */
        p4runtime
    }

    /** The device layer when none is named: every scenario and emulator test passes over P4Runtime. */
    public static final DeviceLayer DEFAULT_DEVICE_LAYER = DeviceLayer.p4runtime;

    /** How the mode names the way the runtime reaches the switches. */
    private final String writesTo;
    private final EmbeddedOnos onos;
    private final ControllerInstance controller;
    private final FabricManager fabricManager;
    private final boolean pipeconfLoaderActive;

    private OnosControl(EmbeddedOnos onos, String writesTo) {
        this.onos = onos;
        this.writesTo = writesTo;
        onos.applyNetcfg(NetcfgWriter.write(onos.fabric().topology()));
        controller = onos.addInstance("metro-1");
        pipeconfLoaderActive = controller.offeredServices().contains(PiPipeconfService.class);
        if (pipeconfLoaderActive) {
            controller.activate(new PipeconfLoader());
        }
        fabricManager = controller.activate(new FabricManager());
        settle();
    }

    /** Starts the embedded ONOS on {@code fabric} with the apps active and the fabric programmed. */
    public static OnosControl start(Fabric fabric) {
        return start(fabric, DEFAULT_DEVICE_LAYER);
    }

    /** Like {@link #start(Fabric)}, reaching the switches through {@code deviceLayer}. */
    public static OnosControl start(Fabric fabric, DeviceLayer deviceLayer) {
        return deviceLayer == DeviceLayer.p4runtime
                ? new OnosControl(EmbeddedOnos.overP4Runtime(fabric, MetroPipeconf.load()),
                        "writing over P4Runtime (gRPC, in-process) ")
                : new OnosControl(EmbeddedOnos.direct(fabric, MetroPipeconf.load()),
                        "writing to p4sim directly (no P4Runtime) ");
    }

    /**
     * Like {@link #start(Fabric)}, reaching the switches through {@code clients}, e.g. connected to
     * switches served on TCP as well ({@code emulator serve --control onos}), which it then owns. The
     * fabric may be running in real time: the runtime touches switch state only through the clients.
     */
    public static OnosControl start(Fabric fabric, P4RuntimeFabric clients) {
        return new OnosControl(EmbeddedOnos.overP4Runtime(fabric, MetroPipeconf.load(), clients),
                "writing over P4Runtime (gRPC) to the served switches ");
    }

    @Override
    public String mode() {
        return "embedded ONOS, instance " + controller.nodeId() + ": "
                + (pipeconfLoaderActive ? "PipeconfLoader + " : "")
                + "FabricManager (unchanged app components), reacting at each event's virtual time, "
                + writesTo
                + "(failure detection and control-channel delays are not modelled)"
                + (pipeconfLoaderActive ? "" : "; PipeconfLoader not activated: the embedded runtime offers no "
                + "PiPipeconfService, the pipeconf is given to the runtime directly");
    }

    @Override
    public IntentReport submit(PathIntent intent) {
        try {
            IntentReport status = toStatus(fabricManager.addIntent(intent));
            settle();
            return status;
        } catch (IntentRejectedException e) {
            return new IntentReport(intent.name(), "REJECTED", null, null, e.constraint(), e.reason());
        }
    }

    @Override
    public Optional<IntentReport> status(String intentName) {
        return fabricManager.intent(intentName).map(OnosControl::toStatus);
    }

    /** Every intent the fabric app holds, with its status. */
    public List<IntentReport> intents() {
        return fabricManager.intents().stream().map(OnosControl::toStatus).toList();
    }

    /** Withdraws intent {@code name} and settles; false if there is none. */
    public boolean withdraw(String name) {
        boolean removed = fabricManager.removeIntent(name);
        settle();
        return removed;
    }

    @Override
    public void switchDown(String name) {
        onos.failSwitch(name);
    }

    @Override
    public void switchUp(String name) {
        onos.restoreSwitch(name);
    }

    @Override
    public void settle() {
        for (int i = 0; i < SETTLE_PASSES; i++) {
            fabricManager.awaitQueuedWork();
        }
    }

    @Override
    public void close() {
        controller.shutdown();
        onos.close();
    }

    /** FabricManager words a reason as "CONSTRAINT: message" (the planner's Rejection). */
    private static IntentReport toStatus(IntentStatus status) {
        boolean installed = status.spine() != null;
        String reason = status.reason();
        String constraint = null;
        if (reason != null && reason.indexOf(':') > 0) {
            constraint = reason.substring(0, reason.indexOf(':'));
            reason = reason.substring(reason.indexOf(':') + 1).trim();
        }
        return new IntentReport(status.name(), status.state().name(),
                installed ? status.spine().toString() : null, installed ? status.latencyNanos() : null, constraint, reason);
    }
}

package org.metrofabric.emulator.scenario;

import java.util.Optional;
import org.metrofabric.emulator.fabric.Fabric;
import org.metrofabric.emulator.fabric.StaticRoutes;
import org.metrofabric.fabric.api.PathIntent;

/**
 * The baseline without a controller: {@link StaticRoutes} written once, nothing reacts to
 * failures, and path intents cannot be installed (they are reported as not submitted, never
 * pretended).
 */
public final class ControllerLessControl implements FabricControl {
    public static final String NOT_SUBMITTED = "NOT_SUBMITTED";

    private final Fabric fabric;

    public ControllerLessControl(Fabric fabric) {
        this.fabric = fabric;
        StaticRoutes.install(fabric);
    }

    @Override
    public String mode() {
        return "controller-less (StaticRoutes written once; no ONOS apps, no path intents, no failure handling)";
    }

    @Override
    public IntentReport submit(PathIntent intent) {
        return new IntentReport(intent.name(), NOT_SUBMITTED, null, null, null,
                "controller-less mode has no fabric app to install path intents");
    }

    @Override
    public Optional<IntentReport> status(String intentName) {
        return Optional.empty();
    }

    @Override
    public void switchDown(String name) {
        fabric.failSwitch(name);
    }

    @Override
    public void switchUp(String name) {
        fabric.restoreSwitch(name);
    }

    @Override
    public void settle() {
    }

    @Override
    public void close() {
    }
}

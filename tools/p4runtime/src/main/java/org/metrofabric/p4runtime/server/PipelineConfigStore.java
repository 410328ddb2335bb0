package org.metrofabric.p4runtime.server;

import io.grpc.Status;
import org.metrofabric.p4runtime.codec.P4RuntimeException;
import p4.config.v1.P4InfoOuterClass.P4Info;
import p4.v1.P4RuntimeOuterClass.ForwardingPipelineConfig;
import p4.v1.P4RuntimeOuterClass.GetForwardingPipelineConfigRequest.ResponseType;
import p4.v1.P4RuntimeOuterClass.SetForwardingPipelineConfigRequest;

import java.util.Optional;

/**
 * The forwarding pipeline config of one device (P4Runtime 1.3, SetForwardingPipelineConfig): the
 * committed config and the one saved by VERIFY_AND_SAVE. The target runs one fixed program, so a
 * config is valid iff its P4Info is equivalent to that program's (see {@link P4InfoComparison});
 * {@code p4_device_config} is opaque (BMv2 JSON from ONOS, anything or nothing from other clients):
 * it is stored and returned by Get unchanged, never interpreted. The cookie is stored and echoed.
 *
 * <p>Actions: VERIFY checks only. VERIFY_AND_SAVE checks and saves, the forwarding state is kept.
 * VERIFY_AND_COMMIT checks, commits and clears the forwarding state. COMMIT commits the saved
 * config (the request must carry none; NOT_FOUND if nothing is saved) and keeps the state written
 * since, which already runs on the same program. RECONCILE_AND_COMMIT checks and commits keeping
 * the state, which is always possible because the program does not change.
 */
final class PipelineConfigStore {

    private final P4Info running;
    private final Runnable clearState;
    private Optional<ForwardingPipelineConfig> committed = Optional.empty();
    private Optional<ForwardingPipelineConfig> saved = Optional.empty();

    /** @param clearState drops the device's forwarding state (VERIFY_AND_COMMIT) */
    PipelineConfigStore(P4Info running, Runnable clearState) {
        this.running = running;
        this.clearState = clearState;
    }

    synchronized boolean isCommitted() {
        return committed.isPresent();
    }

    synchronized void set(SetForwardingPipelineConfigRequest request) {
        SetForwardingPipelineConfigRequest.Action action = request.getAction();
        switch (action) {
            case VERIFY -> verify(request);
            case VERIFY_AND_SAVE -> saved = Optional.of(verify(request));
            case VERIFY_AND_COMMIT -> {
                ForwardingPipelineConfig config = verify(request);
                clearState.run();
                committed = Optional.of(config);
                saved = Optional.empty();
            }
            case COMMIT -> {
                if (request.hasConfig()) {
                    throw P4RuntimeException.invalidArgument("COMMIT commits the saved config and must not carry one");
                }
                committed = Optional.of(saved.orElseThrow(() -> P4RuntimeException.notFound(
                        "COMMIT: no config was saved with VERIFY_AND_SAVE")));
                saved = Optional.empty();
            }
            case RECONCILE_AND_COMMIT -> {
                committed = Optional.of(verify(request));
                saved = Optional.empty();
            }
            default -> throw P4RuntimeException.invalidArgument("SetForwardingPipelineConfig action %s is not valid",
                    action);
        }
    }

    private ForwardingPipelineConfig verify(SetForwardingPipelineConfigRequest request) {
        if (!request.hasConfig() || !request.getConfig().hasP4Info()) {
            throw P4RuntimeException.invalidArgument("%s needs a config with a P4Info", request.getAction());
        }
        ForwardingPipelineConfig config = request.getConfig();
        P4InfoComparison.difference(config.getP4Info(), running).ifPresent(difference -> {
            throw P4RuntimeException.invalidArgument("the P4Info does not describe the program this device runs: %s",
                    difference);
        });
        return config;
    }

    /** The committed config, reduced to what {@code type} asks for; FAILED_PRECONDITION if none (as BMv2). */
    synchronized ForwardingPipelineConfig get(ResponseType type) {
        ForwardingPipelineConfig config = committed.orElseThrow(() -> new P4RuntimeException(
                Status.Code.FAILED_PRECONDITION, "No forwarding pipeline config set for this device"));
        ForwardingPipelineConfig.Builder out = ForwardingPipelineConfig.newBuilder();
        if (config.hasCookie()) {
            out.setCookie(config.getCookie());
        }
        switch (type) {
            case ALL -> out.setP4Info(config.getP4Info()).setP4DeviceConfig(config.getP4DeviceConfig());
            case COOKIE_ONLY -> { }
            case P4INFO_AND_COOKIE -> out.setP4Info(config.getP4Info());
            case DEVICE_CONFIG_AND_COOKIE -> out.setP4DeviceConfig(config.getP4DeviceConfig());
            default -> throw P4RuntimeException.invalidArgument("GetForwardingPipelineConfig response type %s "
                    + "is not valid", type);
        }
        return out.build();
    }
}

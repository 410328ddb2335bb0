package org.metrofabric.p4runtime.server;

import com.google.protobuf.Any;
import io.grpc.Status;
import org.metrofabric.p4runtime.codec.P4RuntimeException;
import p4.v1.P4RuntimeOuterClass.MasterArbitrationUpdate;
import p4.v1.P4RuntimeOuterClass.Role;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Client arbitration of one device (P4Runtime 1.3, "Client Arbitration and Controller
 * Replication"), for every role, as a state machine without I/O: each call returns the
 * arbitration messages to send and, when the update is refused, the status to close the sender's
 * stream with. {@code S} identifies a stream (the server's stream observer, say).
 *
 * <p>Per (device, role): the primary is the stream whose election id equals the highest id ever
 * seen for the role; an unset id is always a backup; nobody is promoted when the primary leaves or
 * lowers its id. A primary change (a higher id arrives, the primary lowers its id or disconnects)
 * and a change of the role config notify every stream of the role: election id = highest seen,
 * status OK to the primary, ALREADY_EXISTS to backups, NOT_FOUND to all when there is no primary.
 * Any other update is answered to its sender alone, in the same form. An election id held by
 * another live stream of the role is INVALID_ARGUMENT; a stream that changes device or role is
 * FAILED_PRECONDITION. The role id 0 is the default role (full access, no config).
 *
 * <p>The server routes a stream to the device named by its first update and passes every later
 * update of that stream here, so a device mismatch is detected here. Methods are synchronized:
 * the server may call them from gRPC threads.
 */
public final class Arbitration<S> {

    /** The answer to one event: messages to send, and possibly the status to end the sender's stream. */
    public record Outcome<S>(Optional<Status> rejection, List<Notification<S>> notifications) {
        public Outcome {
            notifications = List.copyOf(notifications);
        }
    }

    /** One arbitration message for one stream. */
    public record Notification<S>(S stream, MasterArbitrationUpdate update) {
    }

    private static final class RoleState<S> {
        final Map<S, Optional<ElectionId>> streams = new LinkedHashMap<>();
        Optional<ElectionId> highest = Optional.empty();
        Optional<Any> config = Optional.empty();

        Optional<S> primary() {
            if (highest.isEmpty()) {
                return Optional.empty();
            }
            return streams.entrySet().stream().filter(e -> e.getValue().equals(highest))
                    .map(Map.Entry::getKey).findFirst();
        }
    }

    private final long deviceId;
    private final Map<Long, RoleState<S>> roles = new HashMap<>();
    private final Map<S, Long> roleOfStream = new HashMap<>();

    public Arbitration(long deviceId) {
        this.deviceId = deviceId;
    }

    public long deviceId() {
        return deviceId;
    }

    /** A MasterArbitrationUpdate received on {@code stream}. */
    public synchronized Outcome<S> onUpdate(S stream, MasterArbitrationUpdate update) {
        Objects.requireNonNull(stream, "stream");
        long roleId = update.hasRole() ? update.getRole().getId() : 0;
        if (update.getDeviceId() != deviceId) {
            return reject(Status.FAILED_PRECONDITION.withDescription("this stream is bound to device "
                    + Long.toUnsignedString(deviceId) + ", the update names device "
                    + Long.toUnsignedString(update.getDeviceId())));
        }
        Long boundRole = roleOfStream.get(stream);
        if (boundRole != null && boundRole != roleId) {
            return reject(Status.FAILED_PRECONDITION.withDescription("this stream is bound to role "
                    + Long.toUnsignedString(boundRole) + ", the update names role " + Long.toUnsignedString(roleId)));
        }
        RoleState<S> role = roles.computeIfAbsent(roleId, id -> new RoleState<>());
        Optional<ElectionId> electionId = update.hasElectionId()
                ? Optional.of(ElectionId.of(update.getElectionId())) : Optional.empty();
        if (electionId.isPresent()) {
            for (Map.Entry<S, Optional<ElectionId>> other : role.streams.entrySet()) {
                if (!other.getKey().equals(stream) && other.getValue().equals(electionId)) {
                    return reject(Status.INVALID_ARGUMENT.withDescription("election id " + electionId.get()
                            + " is already used by another client of role " + Long.toUnsignedString(roleId)));
                }
            }
        }
        Optional<S> primaryBefore = role.primary();
        roleOfStream.put(stream, roleId);
        role.streams.put(stream, electionId);
        if (electionId.isPresent() && (role.highest.isEmpty() || electionId.get().compareTo(role.highest.get()) > 0)) {
            role.highest = electionId;
        }
        Optional<S> primaryAfter = role.primary();
        boolean configChanged = false;
        if (primaryAfter.equals(Optional.of(stream)) && roleId != 0) {
            Optional<Any> config = update.getRole().hasConfig() ? Optional.of(update.getRole().getConfig())
                    : Optional.empty();
            configChanged = !config.equals(role.config);
            role.config = config;
        }
        if (!primaryAfter.equals(primaryBefore) || configChanged) {
            return new Outcome<>(Optional.empty(), notifyAll(roleId, role));
        }
        return new Outcome<>(Optional.empty(), List.of(notification(stream, roleId, role)));
    }

    /** The stream ended (client closed it, or it broke). Unknown streams are ignored. */
    public synchronized Outcome<S> onStreamClosed(S stream) {
        Long roleId = roleOfStream.remove(stream);
        if (roleId == null) {
            return new Outcome<>(Optional.empty(), List.of());
        }
        RoleState<S> role = roles.get(roleId);
        boolean wasPrimary = role.primary().equals(Optional.of(stream));
        role.streams.remove(stream);
        if (!wasPrimary) {
            return new Outcome<>(Optional.empty(), List.of());
        }
        return new Outcome<>(Optional.empty(), notifyAll(roleId, role));
    }

    public synchronized boolean isPrimary(S stream) {
        Long roleId = roleOfStream.get(stream);
        return roleId != null && roles.get(roleId).primary().equals(Optional.of(stream));
    }

    /** Whether some stream arbitrates for the role (role 0, the default role, always exists). */
    public synchronized boolean knowsRole(long roleId) {
        RoleState<S> role = roles.get(roleId);
        return roleId == 0 || (role != null && !role.streams.isEmpty());
    }

    /** The primary's stream of a role, e.g. to deliver packet-in. */
    public synchronized Optional<S> primaryStream(long roleId) {
        RoleState<S> role = roles.get(roleId);
        return role == null ? Optional.empty() : role.primary();
    }

    /**
     * Write and SetForwardingPipelineConfig are allowed only for the primary of their role,
     * identified by the request's role id and election id; anything else is PERMISSION_DENIED.
     */
    public synchronized void checkPrimary(long roleId, Optional<ElectionId> electionId) {
        RoleState<S> role = roles.get(roleId);
        Optional<S> primary = role == null ? Optional.empty() : role.primary();
        if (primary.isEmpty()) {
            throw new P4RuntimeException(Status.Code.PERMISSION_DENIED, "role " + Long.toUnsignedString(roleId)
                    + " of device " + Long.toUnsignedString(deviceId) + " has no primary client");
        }
        if (electionId.isEmpty() || !electionId.equals(role.highest)) {
            throw new P4RuntimeException(Status.Code.PERMISSION_DENIED, "election id "
                    + electionId.map(ElectionId::toString).orElse("(unset)") + " is not the primary's ("
                    + role.highest.orElseThrow() + ") for role " + Long.toUnsignedString(roleId));
        }
    }

    private List<Notification<S>> notifyAll(long roleId, RoleState<S> role) {
        List<Notification<S>> out = new ArrayList<>();
        for (S stream : role.streams.keySet()) {
            out.add(notification(stream, roleId, role));
        }
        return out;
    }

    private Notification<S> notification(S stream, long roleId, RoleState<S> role) {
        Optional<S> primary = role.primary();
        Status.Code code = primary.isEmpty() ? Status.Code.NOT_FOUND
                : primary.get().equals(stream) ? Status.Code.OK : Status.Code.ALREADY_EXISTS;
        String message = switch (code) {
            case OK -> "this client is the primary";
            case ALREADY_EXISTS -> "this client is a backup";
            default -> "no primary client";
        };
        MasterArbitrationUpdate.Builder update = MasterArbitrationUpdate.newBuilder()
                .setDeviceId(deviceId)
                .setStatus(com.google.rpc.Status.newBuilder().setCode(code.value()).setMessage(message));
        role.highest.ifPresent(id -> update.setElectionId(id.toProto()));
        if (roleId != 0) {
            Role.Builder roleMessage = Role.newBuilder().setId(roleId);
            role.config.ifPresent(roleMessage::setConfig);
            update.setRole(roleMessage);
        }
        return new Notification<>(stream, update.build());
    }

    private Outcome<S> reject(Status status) {
        return new Outcome<>(Optional.of(status), List.of());
    }
}

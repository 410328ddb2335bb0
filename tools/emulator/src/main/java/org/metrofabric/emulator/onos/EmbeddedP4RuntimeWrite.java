package org.metrofabric.emulator.onos;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.onosproject.net.pi.runtime.PiActionProfileGroupHandle;
import org.onosproject.net.pi.runtime.PiActionProfileMemberHandle;
import org.onosproject.net.pi.runtime.PiEntity;
import org.onosproject.net.pi.runtime.PiEntityType;
import org.onosproject.net.pi.runtime.PiHandle;
import org.onosproject.net.pi.runtime.PiTableEntryHandle;
import org.onosproject.p4runtime.api.P4RuntimeWriteClient;

/**
 * A P4Runtime write request of the embedded runtime: updates go to the device in order with
 * CONTINUE_ON_ERROR semantics (each one succeeds or fails on its own), which is what ONOS's
 * drivers ask for; other atomicities fail every update. A delete names a handle, resolved by
 * reading the entity it stands for.
 */
final class EmbeddedP4RuntimeWrite implements P4RuntimeWriteClient.WriteRequest {
    private record Update(PiHandle handle, PiEntity entity, P4RuntimeWriteClient.UpdateType updateType)
            implements P4RuntimeWriteClient.EntityUpdateRequest {
        @Override
        public PiEntityType entityType() {
            return handle.entityType();
        }
    }

    private record Result(PiHandle handle, PiEntity entity, P4RuntimeWriteClient.UpdateType updateType,
                          P4RuntimeWriteClient.EntityUpdateStatus status, String explanation, Throwable throwable)
            implements P4RuntimeWriteClient.EntityUpdateResponse {
        @Override
        public PiEntityType entityType() {
            return handle.entityType();
        }

        @Override
        public boolean isSuccess() {
            return status == P4RuntimeWriteClient.EntityUpdateStatus.OK;
        }
    }

    private final PiDeviceClient device;
    private final List<Update> updates = new ArrayList<>();
    private P4RuntimeWriteClient.Atomicity atomicity = P4RuntimeWriteClient.Atomicity.CONTINUE_ON_ERROR;

    EmbeddedP4RuntimeWrite(PiDeviceClient device) {
        this.device = device;
    }

    /** The entity on the device that {@code handle} names, if there is one. */
    static Optional<PiEntity> resolve(PiDeviceClient device, PiHandle handle) {
        List<? extends PiEntity> candidates;
        if (handle instanceof PiTableEntryHandle) {
            candidates = device.readTable(((PiTableEntryHandle) handle).tableId());
        } else if (handle instanceof PiActionProfileMemberHandle) {
            candidates = device.readMembers(((PiActionProfileMemberHandle) handle).actionProfileId());
        } else if (handle instanceof PiActionProfileGroupHandle) {
            candidates = device.readGroups(((PiActionProfileGroupHandle) handle).actionProfile());
        } else if (handle.entityType() == PiEntityType.PRE_ENTRY) {
            List<PiEntity> pre = new ArrayList<>(device.readMulticastGroups());
            pre.addAll(device.readCloneSessions());
            candidates = pre;
        } else {
            throw new IllegalArgumentException("cannot look up " + handle.entityType() + " entities by handle");
        }
        return candidates.stream().filter(e -> e.handle(device.deviceId()).equals(handle))
                .map(PiEntity.class::cast).findFirst();
    }

    @Override
    public P4RuntimeWriteClient.WriteRequest withAtomicity(P4RuntimeWriteClient.Atomicity value) {
        this.atomicity = value;
        return this;
    }

    @Override
    public P4RuntimeWriteClient.WriteRequest insert(PiEntity entity) {
        return entity(entity, P4RuntimeWriteClient.UpdateType.INSERT);
    }

    @Override
    public P4RuntimeWriteClient.WriteRequest insert(Iterable<? extends PiEntity> entities) {
        return entities(entities, P4RuntimeWriteClient.UpdateType.INSERT);
    }

    @Override
    public P4RuntimeWriteClient.WriteRequest modify(PiEntity entity) {
        return entity(entity, P4RuntimeWriteClient.UpdateType.MODIFY);
    }

    @Override
    public P4RuntimeWriteClient.WriteRequest modify(Iterable<? extends PiEntity> entities) {
        return entities(entities, P4RuntimeWriteClient.UpdateType.MODIFY);
    }

    @Override
    public P4RuntimeWriteClient.WriteRequest delete(PiHandle handle) {
        updates.add(new Update(handle, null, P4RuntimeWriteClient.UpdateType.DELETE));
        return this;
    }

    @Override
    public P4RuntimeWriteClient.WriteRequest delete(Iterable<? extends PiHandle> handles) {
        handles.forEach(this::delete);
        return this;
    }

    @Override
    public P4RuntimeWriteClient.WriteRequest entity(PiEntity entity, P4RuntimeWriteClient.UpdateType updateType) {
        updates.add(new Update(entity.handle(device.deviceId()), entity, updateType));
        return this;
    }

    @Override
    public P4RuntimeWriteClient.WriteRequest entities(Iterable<? extends PiEntity> entities,
                                                      P4RuntimeWriteClient.UpdateType updateType) {
        entities.forEach(entity -> entity(entity, updateType));
        return this;
    }

    @Override
    public Collection<P4RuntimeWriteClient.EntityUpdateRequest> pendingUpdates() {
        return List.copyOf(updates);
    }

    @Override
    public CompletableFuture<P4RuntimeWriteClient.WriteResponse> submit() {
        return CompletableFuture.completedFuture(submitSync());
    }

    @Override
    public P4RuntimeWriteClient.WriteResponse submitSync() {
        List<Result> results = new ArrayList<>();
        for (Update update : updates) {
            results.add(atomicity == P4RuntimeWriteClient.Atomicity.CONTINUE_ON_ERROR ? apply(update)
                    : failed(update, P4RuntimeWriteClient.EntityUpdateStatus.OTHER_ERROR,
                    "the embedded runtime applies updates with CONTINUE_ON_ERROR only, not " + atomicity, null));
        }
        return new Response(results);
    }

    private Result apply(Update update) {
        PiEntity entity = update.entity();
        if (entity == null) {
            Optional<PiEntity> found = resolve(device, update.handle());
            if (found.isEmpty()) {
                return failed(update, P4RuntimeWriteClient.EntityUpdateStatus.NOT_FOUND,
                        "no entity for " + update.handle(), null);
            }
            entity = found.get();
        }
        try {
            device.write(List.of(new PiUpdate(PiUpdate.Type.valueOf(update.updateType().name()), entity)));
            return new Result(update.handle(), update.entity(), update.updateType(),
                    P4RuntimeWriteClient.EntityUpdateStatus.OK, null, null);
        } catch (PiWriteException e) {
            return failed(update, status(e.code()), e.getMessage(), e);
        }
    }

    private static P4RuntimeWriteClient.EntityUpdateStatus status(String code) {
        switch (code) {
            case "ALREADY_EXISTS":
                return P4RuntimeWriteClient.EntityUpdateStatus.ALREADY_EXIST;
            case "NOT_FOUND":
                return P4RuntimeWriteClient.EntityUpdateStatus.NOT_FOUND;
            default:
                return P4RuntimeWriteClient.EntityUpdateStatus.OTHER_ERROR;
        }
    }

    private static Result failed(Update update, P4RuntimeWriteClient.EntityUpdateStatus status, String why,
                                 Throwable cause) {
        return new Result(update.handle(), update.entity(), update.updateType(), status, why, cause);
    }

    private record Response(List<Result> results) implements P4RuntimeWriteClient.WriteResponse {
        @Override
        public boolean isSuccess() {
            return results.stream().allMatch(Result::isSuccess);
        }

        @Override
        public Collection<P4RuntimeWriteClient.EntityUpdateResponse> all() {
            return List.copyOf(results);
        }

        @Override
        public Collection<P4RuntimeWriteClient.EntityUpdateResponse> success() {
            return status(P4RuntimeWriteClient.EntityUpdateStatus.OK);
        }

        @Override
        public Collection<P4RuntimeWriteClient.EntityUpdateResponse> failed() {
            return results.stream().filter(r -> !r.isSuccess())
                    .map(P4RuntimeWriteClient.EntityUpdateResponse.class::cast).toList();
        }

        @Override
        public Collection<P4RuntimeWriteClient.EntityUpdateResponse> status(
                P4RuntimeWriteClient.EntityUpdateStatus status) {
            return results.stream().filter(r -> r.status() == status)
                    .map(P4RuntimeWriteClient.EntityUpdateResponse.class::cast).toList();
        }
    }
}

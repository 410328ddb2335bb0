package org.metrofabric.emulator.onos;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.onosproject.net.DeviceId;
import org.onosproject.net.pi.model.PiActionProfileId;
import org.onosproject.net.pi.model.PiCounterId;
import org.onosproject.net.pi.model.PiMeterId;
import org.onosproject.net.pi.model.PiPipeconf;
import org.onosproject.net.pi.model.PiTableId;
import org.onosproject.net.pi.runtime.PiCounterCell;
import org.onosproject.net.pi.runtime.PiCounterCellId;
import org.onosproject.net.pi.runtime.PiEntity;
import org.onosproject.net.pi.runtime.PiHandle;
import org.onosproject.net.pi.runtime.PiPacketOperation;
import org.onosproject.net.pi.runtime.PiTableEntry;
import org.onosproject.p4runtime.api.P4RuntimeClient;

/**
 * What an ONOS app gets from {@code P4RuntimeController.get(deviceId)} in the embedded runtime:
 * reads (tables, direct and indirect counters, action profiles) and writes of PI entities through
 * the device's {@link PiDeviceClient}, packet-out, and the session state (open while the device is
 * available; master as the mastership service says). The pipeline is the runtime's: a
 * {@code setPipelineConfig} for another pipeconf fails. Meter and default-entry reads are not
 * available: such a read answers unsuccessfully, naming what is missing.
 */
final class EmbeddedP4RuntimeClient implements P4RuntimeClient {
    private final PiDeviceClient device;
    private final PiPipeconf pipeconf;
    private final BooleanSupplier available;
    private final BooleanSupplier localMaster;

    EmbeddedP4RuntimeClient(PiDeviceClient device, PiPipeconf pipeconf, BooleanSupplier available,
                            BooleanSupplier localMaster) {
        this.device = device;
        this.pipeconf = pipeconf;
        this.available = available;
        this.localMaster = localMaster;
    }

    DeviceId deviceId() {
        return device.deviceId();
    }

    @Override
    public void shutdown() {
        // The client belongs to the runtime, which outlives any app that asks for it.
    }

    @Override
    public boolean isServerReachable() {
        return available.getAsBoolean();
    }

    @Override
    public CompletableFuture<Boolean> probeService() {
        return CompletableFuture.completedFuture(available.getAsBoolean());
    }

    @Override
    public CompletableFuture<Boolean> setPipelineConfig(long p4DeviceId, PiPipeconf requested, ByteBuffer deviceData) {
        return CompletableFuture.completedFuture(requested.id().equals(pipeconf.id()));
    }

    @Override
    public CompletableFuture<Boolean> isPipelineConfigSet(long p4DeviceId, PiPipeconf requested) {
        return CompletableFuture.completedFuture(requested.id().equals(pipeconf.id()));
    }

    @Override
    public CompletableFuture<Boolean> isAnyPipelineConfigSet(long p4DeviceId) {
        return CompletableFuture.completedFuture(true);
    }

    @Override
    public void setMastership(long p4DeviceId, boolean master, BigInteger electionId) {
        // Mastership is the MastershipService's to decide (EmbeddedOnos.setMaster), not the app's.
    }

    @Override
    public boolean isSessionOpen(long p4DeviceId) {
        return available.getAsBoolean();
    }

    @Override
    public void closeSession(long p4DeviceId) {
        // Sessions live as long as the emulated device.
    }

    @Override
    public boolean isMaster(long p4DeviceId) {
        return localMaster.getAsBoolean();
    }

    @Override
    public void packetOut(long p4DeviceId, PiPacketOperation packet, PiPipeconf requested) {
        device.packetOut(packet);
    }

    @Override
    public ReadRequest read(long p4DeviceId, PiPipeconf requested) {
        return new Read();
    }

    @Override
    public WriteRequest write(long p4DeviceId, PiPipeconf requested) {
        return new EmbeddedP4RuntimeWrite(device);
    }

    /** A read request: each call adds a part; {@code submit} runs them in order. */
    private final class Read implements ReadRequest {
        private final List<Supplier<Collection<? extends PiEntity>>> parts = new ArrayList<>();
        private final List<String> unsupported = new ArrayList<>();

        private ReadRequest add(Supplier<Collection<? extends PiEntity>> part) {
            parts.add(part);
            return this;
        }

        private ReadRequest unsupported(String what) {
            unsupported.add(what);
            return this;
        }

        @Override
        public ReadRequest handle(PiHandle handle) {
            return handles(List.of(handle));
        }

        @Override
        public ReadRequest handles(Iterable<? extends PiHandle> handles) {
            for (PiHandle handle : handles) {
                add(() -> EmbeddedP4RuntimeWrite.resolve(device, handle).map(List::of).orElse(List.of()));
            }
            return this;
        }

        @Override
        public ReadRequest tableEntries(PiTableId tableId) {
            return add(() -> device.readTable(tableId));
        }

        @Override
        public ReadRequest tableEntries(Iterable<PiTableId> tableIds) {
            tableIds.forEach(this::tableEntries);
            return this;
        }

        @Override
        public ReadRequest defaultTableEntry(PiTableId tableId) {
            return unsupported("default entry of " + tableId);
        }

        @Override
        public ReadRequest defaultTableEntry(Iterable<PiTableId> tableIds) {
            tableIds.forEach(this::defaultTableEntry);
            return this;
        }

        @Override
        public ReadRequest allTableEntries() {
            pipeconf.pipelineModel().tables().forEach(table -> tableEntries(table.id()));
            return this;
        }

        @Override
        public ReadRequest allDefaultTableEntries() {
            return unsupported("default entries");
        }

        @Override
        public ReadRequest actionProfileGroups(PiActionProfileId profileId) {
            return add(() -> device.readGroups(profileId));
        }

        @Override
        public ReadRequest actionProfileGroups(Iterable<PiActionProfileId> profileIds) {
            profileIds.forEach(this::actionProfileGroups);
            return this;
        }

        @Override
        public ReadRequest actionProfileMembers(PiActionProfileId profileId) {
            return add(() -> device.readMembers(profileId));
        }

        @Override
        public ReadRequest actionProfileMembers(Iterable<PiActionProfileId> profileIds) {
            profileIds.forEach(this::actionProfileMembers);
            return this;
        }

        @Override
        public ReadRequest counterCells(PiCounterId counterId) {
            return add(() -> device.readCounterCells(counterId));
        }

        @Override
        public ReadRequest counterCells(Iterable<PiCounterId> counterIds) {
            counterIds.forEach(this::counterCells);
            return this;
        }

        @Override
        public ReadRequest directCounterCells(PiTableId tableId) {
            return add(() -> {
                List<PiCounterCell> cells = new ArrayList<>();
                for (PiTableEntry entry : device.readTable(tableId)) {
                    if (entry.counter() != null) {
                        cells.add(new PiCounterCell(PiCounterCellId.ofDirect(entry), entry.counter()));
                    }
                }
                return cells;
            });
        }

        @Override
        public ReadRequest directCounterCells(Iterable<PiTableId> tableIds) {
            tableIds.forEach(this::directCounterCells);
            return this;
        }

        @Override
        public ReadRequest meterCells(PiMeterId meterId) {
            return unsupported("meter cells of " + meterId);
        }

        @Override
        public ReadRequest meterCells(Iterable<PiMeterId> meterIds) {
            meterIds.forEach(this::meterCells);
            return this;
        }

        @Override
        public ReadRequest directMeterCells(PiTableId tableId) {
            return unsupported("direct meter cells of " + tableId);
        }

        @Override
        public ReadRequest directMeterCells(Iterable<PiTableId> tableIds) {
            tableIds.forEach(this::directMeterCells);
            return this;
        }

        @Override
        public CompletableFuture<ReadResponse> submit() {
            return CompletableFuture.completedFuture(submitSync());
        }

        @Override
        public ReadResponse submitSync() {
            if (!unsupported.isEmpty()) {
                return new Response(List.of(), "the embedded runtime cannot read " + String.join(", ", unsupported),
                        null);
            }
            List<PiEntity> entities = new ArrayList<>();
            try {
                parts.forEach(part -> entities.addAll(part.get()));
            } catch (RuntimeException e) {
                return new Response(List.of(), e.getMessage(), e);
            }
            return new Response(entities, null, null);
        }
    }

    private record Response(List<PiEntity> entities, String explanation, Throwable throwable) implements ReadResponse {
        @Override
        public boolean isSuccess() {
            return explanation == null;
        }

        @Override
        public Collection<PiEntity> all() {
            return entities;
        }

        @Override
        public <E extends PiEntity> Collection<E> all(Class<E> clazz) {
            return entities.stream().filter(clazz::isInstance).map(clazz::cast).toList();
        }
    }
}

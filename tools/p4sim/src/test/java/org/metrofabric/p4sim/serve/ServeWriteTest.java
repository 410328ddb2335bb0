package org.metrofabric.p4sim.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.metrofabric.p4sim.serve.RoutingEntities.P4INFO;
import static org.metrofabric.p4sim.serve.RoutingEntities.bytes;
import static org.metrofabric.p4sim.serve.RoutingEntities.route;
import static org.metrofabric.p4sim.serve.RoutingEntities.tableEntity;
import static org.metrofabric.p4sim.serve.RoutingEntities.update;

import io.grpc.Status.Code;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import p4.v1.P4RuntimeOuterClass.CounterData;
import p4.v1.P4RuntimeOuterClass.DirectCounterEntry;
import p4.v1.P4RuntimeOuterClass.Entity;
import p4.v1.P4RuntimeOuterClass.FieldMatch;
import p4.v1.P4RuntimeOuterClass.MulticastGroupEntry;
import p4.v1.P4RuntimeOuterClass.PacketReplicationEngineEntry;
import p4.v1.P4RuntimeOuterClass.Replica;
import p4.v1.P4RuntimeOuterClass.TableEntry;
import p4.v1.P4RuntimeOuterClass.Update;
import p4.v1.P4RuntimeOuterClass.WriteRequest;

/** Write batches and atomicity modes over gRPC: what is applied, what each update reports. */
class ServeWriteTest {
    private static final long DEVICE = 1;
    private static final long METRO_DEVICE = 2;

    private ServeHarness harness;
    private P4RuntimeTestClient client;

    @BeforeEach
    void start() {
        harness = new ServeHarness();
        harness.addDevice(DEVICE, ServeHarness.CORPUS.resolve("routing.p4"));
        harness.addDevice(METRO_DEVICE, ServeHarness.METRO_P4);
        harness.start();
        client = harness.primaryWithPipeline(DEVICE, P4INFO);
    }

    @AfterEach
    void stop() throws InterruptedException {
        harness.close();
    }

    private static TableEntry badRoute(int third) {
        FieldMatch unknownField = RoutingEntities.lpm(bytes(10, 0, third, 0), 24).toBuilder().setFieldId(9).build();
        return route(third, 1).toBuilder().setMatch(0, unknownField).build();
    }

    private List<Code> write(WriteRequest.Atomicity atomicity, Update... updates) {
        return client.writeCodes(WriteRequest.newBuilder().setDeviceId(DEVICE)
                .setElectionId(P4RuntimeTestClient.electionId(10)).setAtomicity(atomicity)
                .addAllUpdates(List.of(updates)).build());
    }

    private List<Entity> routes() {
        return client.read(DEVICE, tableEntity(TableEntry.newBuilder().setTableId(RoutingEntities.TABLE).build()))
                .stream().sorted(Comparator.comparing(e -> e.getTableEntry().getMatch(0).getLpm().getValue()
                        .toStringUtf8())).toList();
    }

    private static Update multicastGroup(Update.Type type, int id, int port) {
        return Update.newBuilder().setType(type).setEntity(Entity.newBuilder().setPacketReplicationEngineEntry(
                PacketReplicationEngineEntry.newBuilder().setMulticastGroupEntry(MulticastGroupEntry.newBuilder()
                        .setMulticastGroupId(id).addReplicas(Replica.newBuilder().setEgressPort(port))))).build();
    }

    @Test
    void continueOnErrorAppliesEveryGoodUpdateInOrder() {
        assertEquals(List.of(Code.OK, Code.INVALID_ARGUMENT, Code.OK, Code.ALREADY_EXISTS, Code.OK),
                write(WriteRequest.Atomicity.CONTINUE_ON_ERROR, update(Update.Type.INSERT, route(1, 1)),
                        update(Update.Type.INSERT, badRoute(2)), update(Update.Type.INSERT, route(3, 3)),
                        update(Update.Type.INSERT, route(1, 4)), update(Update.Type.MODIFY, route(1, 5))));
        assertEquals(List.of(tableEntity(route(1, 5)), tableEntity(route(3, 3))), routes());
    }

    @Test
    void rollbackOnErrorUndoesEveryUpdateOfTheBatch() {
        write(WriteRequest.Atomicity.CONTINUE_ON_ERROR, update(Update.Type.INSERT, route(1, 1)),
                update(Update.Type.INSERT, route(2, 2)), multicastGroup(Update.Type.INSERT, 1, 1));
        List<Entity> before = routes();
        List<Entity> groupsBefore = client.read(DEVICE, multicastGroup(Update.Type.INSERT, 0, 0).getEntity());

        assertEquals(List.of(Code.ABORTED, Code.ABORTED, Code.ABORTED, Code.ABORTED, Code.INVALID_ARGUMENT,
                        Code.ABORTED),
                write(WriteRequest.Atomicity.ROLLBACK_ON_ERROR, update(Update.Type.INSERT, route(3, 3)),
                        update(Update.Type.MODIFY, route(1, 9)), update(Update.Type.DELETE, route(2, 2)),
                        multicastGroup(Update.Type.MODIFY, 1, 7), update(Update.Type.INSERT, badRoute(4)),
                        update(Update.Type.INSERT, route(5, 5))));
        assertEquals(before, routes());
        assertEquals(groupsBefore, client.read(DEVICE, multicastGroup(Update.Type.INSERT, 0, 0).getEntity()));
    }

    @Test
    void rollbackOnErrorWithoutFailureAppliesEverything() {
        assertEquals(List.of(Code.OK, Code.OK), write(WriteRequest.Atomicity.ROLLBACK_ON_ERROR,
                update(Update.Type.INSERT, route(1, 1)), update(Update.Type.INSERT, route(2, 2))));
        assertEquals(2, routes().size());
    }

    @Test
    void dataplaneAtomicIsUnimplementedAndAppliesNothing() {
        assertEquals(List.of(Code.UNIMPLEMENTED), write(WriteRequest.Atomicity.DATAPLANE_ATOMIC,
                update(Update.Type.INSERT, route(1, 1))));
        assertEquals(List.of(), routes());
    }

    @Test
    void unspecifiedUpdateTypeAndEmptyEntityAreInvalid() {
        assertEquals(List.of(Code.INVALID_ARGUMENT, Code.INVALID_ARGUMENT), write(
                WriteRequest.Atomicity.CONTINUE_ON_ERROR,
                Update.newBuilder().setEntity(tableEntity(route(1, 1))).build(),
                Update.newBuilder().setType(Update.Type.INSERT).build()));
    }

    @Test
    void rollbackRestoresADeletedEntryWithItsDirectCounter() {
        P4RuntimeTestClient metro = harness.client();
        metro.openStream().arbitrate(METRO_DEVICE, 10).expectArbitration(Code.OK, 10);
        metro.setPipeline(METRO_DEVICE, 10, p4.v1.P4RuntimeOuterClass.SetForwardingPipelineConfigRequest.Action
                .VERIFY_AND_COMMIT, ServeHarness.config(MetroEntities.P4INFO, 1));
        TableEntry pin = MetroEntities.pin(bytes(1, 1, 1, 1), bytes(255, 255, 255, 255), bytes(1), 10,
                MetroEntities.setNextHop(5));
        Entity counter = Entity.newBuilder().setDirectCounterEntry(DirectCounterEntry.newBuilder()
                .setTableEntry(pin.toBuilder().clearAction()).setData(CounterData.newBuilder().setPacketCount(5)
                        .setByteCount(500))).build();
        assertEquals(List.of(Code.OK, Code.OK), metro.writeCodes(METRO_DEVICE, 10, MetroEntities.insert(pin),
                Update.newBuilder().setType(Update.Type.MODIFY).setEntity(counter).build()));
        List<Code> codes = metro.writeCodes(WriteRequest.newBuilder().setDeviceId(METRO_DEVICE)
                .setElectionId(P4RuntimeTestClient.electionId(10))
                .setAtomicity(WriteRequest.Atomicity.ROLLBACK_ON_ERROR)
                .addUpdates(update(Update.Type.DELETE, pin)).addUpdates(update(Update.Type.DELETE, pin)).build());
        assertEquals(List.of(Code.ABORTED, Code.NOT_FOUND), codes);
        List<Entity> read = metro.read(METRO_DEVICE, Entity.newBuilder().setTableEntry(TableEntry.newBuilder()
                .setTableId(MetroEntities.PINNING.id()).setCounterData(CounterData.getDefaultInstance())).build());
        assertEquals(1, read.size());
        assertEquals(pin.getMatchList(), read.get(0).getTableEntry().getMatchList());
        assertEquals(CounterData.newBuilder().setPacketCount(5).setByteCount(500).build(),
                read.get(0).getTableEntry().getCounterData());
    }
}

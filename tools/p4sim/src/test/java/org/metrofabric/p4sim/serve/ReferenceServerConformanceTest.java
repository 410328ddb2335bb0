package org.metrofabric.p4sim.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.metrofabric.p4sim.serve.RoutingEntities.P4INFO;
import static org.metrofabric.p4sim.serve.RoutingEntities.bytes;
import static org.metrofabric.p4sim.serve.RoutingEntities.route;
import static org.metrofabric.p4sim.serve.RoutingEntities.tableEntity;
import static org.metrofabric.p4sim.serve.RoutingEntities.update;
import static org.metrofabric.p4sim.serve.ServeHarness.codeOf;

import io.grpc.Status;
import io.grpc.Status.Code;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import p4.v1.P4RuntimeOuterClass.Action;
import p4.v1.P4RuntimeOuterClass.CloneSessionEntry;
import p4.v1.P4RuntimeOuterClass.Entity;
import p4.v1.P4RuntimeOuterClass.FieldMatch;
import p4.v1.P4RuntimeOuterClass.GetForwardingPipelineConfigRequest;
import p4.v1.P4RuntimeOuterClass.MulticastGroupEntry;
import p4.v1.P4RuntimeOuterClass.PacketReplicationEngineEntry;
import p4.v1.P4RuntimeOuterClass.Replica;
import p4.v1.P4RuntimeOuterClass.SetForwardingPipelineConfigRequest;
import p4.v1.P4RuntimeOuterClass.TableAction;
import p4.v1.P4RuntimeOuterClass.TableEntry;
import p4.v1.P4RuntimeOuterClass.Update;

/**
 * Every row of conformance/p4runtime/README.md (BMv2's PI server, recorded) replayed over gRPC against
 * {@code p4sim serve} on the corpus routing program with p4c's P4Info; each answer must be BMv2's.
 */
class ReferenceServerConformanceTest {
    private static final long DEVICE = 1;
    private static final Path ROUTING = ServeHarness.CORPUS.resolve("routing.p4");

    private ServeHarness harness;
    private P4RuntimeTestClient primary;

    @BeforeEach
    void start() {
        harness = new ServeHarness();
        harness.addDevice(DEVICE, ROUTING);
        harness.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        harness.close();
    }

    private void becomePrimaryWithPipeline() {
        primary = harness.primaryWithPipeline(DEVICE, P4INFO);
    }

    private List<Code> write(Update... updates) {
        return primary.writeCodes(DEVICE, 10, updates);
    }

    private static Update insert(TableEntry entry) {
        return update(Update.Type.INSERT, entry);
    }

    @Test
    void arbitrationPipelineAndPrimaryChangeRowsAnswerAsBmv2() throws Exception {
        P4RuntimeTestClient first = harness.client();
        P4RuntimeTestClient second = harness.client();
        P4RuntimeTestClient.Stream firstStream = first.openStream().arbitrate(DEVICE, 10);
        firstStream.expectArbitration(Code.OK, 10);                                  // row: first client, id 10
        P4RuntimeTestClient.Stream secondStream = second.openStream().arbitrate(DEVICE, 5);
        secondStream.expectArbitration(Code.ALREADY_EXISTS, 10);                     // row: second client, id 5

        assertEquals(Code.PERMISSION_DENIED, codeOf(() -> second.setPipeline(DEVICE, 5,  // row: backup sets pipeline
                SetForwardingPipelineConfigRequest.Action.VERIFY_AND_COMMIT, ServeHarness.config(P4INFO, 4242))));
        first.setPipeline(DEVICE, 10, SetForwardingPipelineConfigRequest.Action.VERIFY_AND_COMMIT,
                ServeHarness.config(P4INFO, 4242));                                   // row: primary sets it
        assertEquals(4242, first.blocking.getForwardingPipelineConfig(GetForwardingPipelineConfigRequest.newBuilder()
                .setDeviceId(DEVICE).setResponseType(GetForwardingPipelineConfigRequest.ResponseType.COOKIE_ONLY)
                .build()).getConfig().getCookie().getCookie());

        assertEquals(List.of(Code.PERMISSION_DENIED),                                 // row: backup writes
                second.writeCodes(DEVICE, 5, insert(route(1, 1))));

        secondStream.arbitrate(DEVICE, 11);                                           // row: backup re-arbitrates 11
        secondStream.expectArbitration(Code.OK, 11);
        firstStream.expectArbitration(Code.ALREADY_EXISTS, 11);
        assertEquals(List.of(Code.PERMISSION_DENIED),                                 // row: old primary writes
                first.writeCodes(DEVICE, 10, insert(route(1, 1))));
        assertEquals(List.of(Code.OK), second.writeCodes(DEVICE, 11, insert(route(1, 1))));

        P4RuntimeTestClient third = harness.client();                                 // row: third client reuses 11
        P4RuntimeTestClient.Stream thirdStream = third.openStream().arbitrate(DEVICE, 11);
        assertEquals(Code.INVALID_ARGUMENT, thirdStream.endStatus().getCode());
    }

    @Test
    void insertDuplicateModifyAndDeleteOfMissingEntries() {
        becomePrimaryWithPipeline();
        assertEquals(List.of(Code.OK), write(insert(route(1, 1))));
        assertEquals(List.of(Code.ALREADY_EXISTS), write(insert(route(1, 1))));
        assertEquals(List.of(Code.NOT_FOUND), write(update(Update.Type.MODIFY, route(9, 1))));
        assertEquals(List.of(Code.NOT_FOUND), write(update(Update.Type.DELETE, route(9, 1))));
    }

    @Test
    void unknownTableAndActionOutsideTheTableAreInvalid() {
        becomePrimaryWithPipeline();
        TableEntry unknownTable = route(1, 1).toBuilder().setTableId(0x02000001).build();
        assertEquals(List.of(Code.INVALID_ARGUMENT), write(insert(unknownTable)));
        Action report = Action.newBuilder().setActionId(RoutingEntities.REPORT).build();
        assertEquals(List.of(Code.INVALID_ARGUMENT), write(insert(route(1, report))));
    }

    @Test
    void lpmRuleBreachesAreInvalid() {
        becomePrimaryWithPipeline();
        TableEntry bitsPastPrefix = route(1, 1).toBuilder().setMatch(0, RoutingEntities.lpm(bytes(10, 0, 1, 7), 24))
                .build();
        TableEntry prefix33 = route(1, 1).toBuilder().setMatch(0, RoutingEntities.lpm(bytes(10, 0, 1, 0), 33)).build();
        TableEntry prefix0 = route(1, 1).toBuilder().setMatch(0, RoutingEntities.lpm(bytes(0), 0)).build();
        assertEquals(List.of(Code.INVALID_ARGUMENT), write(insert(bitsPastPrefix)));
        assertEquals(List.of(Code.INVALID_ARGUMENT), write(insert(prefix33)));
        assertEquals(List.of(Code.INVALID_ARGUMENT), write(insert(prefix0)));
    }

    @Test
    void parameterWidthsPaddingAndEmptyValues() {
        becomePrimaryWithPipeline();
        Action tooWide = RoutingEntities.setNhop(bytes(0, 0, 0, 0, 0, 1), bytes(0, 0, 0, 0, 0, 2), bytes(0x02, 0x00));
        assertEquals(List.of(Code.INVALID_ARGUMENT), write(insert(route(1, tooWide))));

        Action padded = RoutingEntities.setNhop(bytes(0, 0, 0, 0, 0, 1), bytes(0, 0, 0, 0, 0, 2), bytes(0, 5));
        assertEquals(List.of(Code.OK), write(insert(route(2, padded))));
        TableEntry read = readOne(route(2, padded));
        List<Action.Param> params = read.getAction().getAction().getParamsList();
        assertEquals(List.of(bytes(1), bytes(2), bytes(5)), params.stream().map(Action.Param::getValue).toList(),
                "read back in canonical form");

        Action empty = RoutingEntities.setNhop(bytes(0, 0, 0, 0, 0, 1), bytes(0, 0, 0, 0, 0, 2),
                com.google.protobuf.ByteString.EMPTY);
        assertEquals(List.of(Code.OK), write(insert(route(3, empty))), "BMv2 reads an empty parameter as zero");
        assertEquals(bytes(0), readOne(route(3, empty)).getAction().getAction().getParams(2).getValue());
    }

    private TableEntry readOne(TableEntry key) {
        List<Entity> found = primary.read(DEVICE, tableEntity(TableEntry.newBuilder().setTableId(key.getTableId())
                .addAllMatch(key.getMatchList()).build()));
        assertEquals(1, found.size(), found.toString());
        return found.get(0).getTableEntry();
    }

    @Test
    void unknownMatchFieldAndMissingParameterAreInvalid() {
        becomePrimaryWithPipeline();
        FieldMatch unknownField = RoutingEntities.lpm(bytes(10, 0, 1, 0), 24).toBuilder().setFieldId(9).build();
        assertEquals(List.of(Code.INVALID_ARGUMENT), write(insert(route(1, 1).toBuilder().setMatch(0, unknownField)
                .build())));
        Action missing = RoutingEntities.setNhop(1).toBuilder().removeParams(2).build();
        assertEquals(List.of(Code.INVALID_ARGUMENT), write(insert(route(1, missing))));
    }

    @Test
    void batchWithOneBadUpdateInstallsTheGoodOnesAndWildcardReadsSeeEachOnce() {
        becomePrimaryWithPipeline();
        FieldMatch unknownField = RoutingEntities.lpm(bytes(10, 0, 5, 0), 24).toBuilder().setFieldId(9).build();
        TableEntry bad = route(5, 1).toBuilder().setMatch(0, unknownField).build();
        assertEquals(List.of(Code.OK, Code.INVALID_ARGUMENT, Code.OK),
                write(insert(route(4, 1)), insert(bad), insert(route(6, 2))));
        List<Entity> table = primary.read(DEVICE, tableEntity(TableEntry.newBuilder()
                .setTableId(RoutingEntities.TABLE).build()));
        List<Entity> all = primary.read(DEVICE, tableEntity(TableEntry.getDefaultInstance()));
        assertEquals(List.of(tableEntity(route(4, 1)), tableEntity(route(6, 2))), sortedByMatch(table));
        assertEquals(sortedByMatch(table), sortedByMatch(all));
    }

    private static List<Entity> sortedByMatch(List<Entity> entities) {
        return entities.stream().sorted(java.util.Comparator.comparing(e -> e.getTableEntry().getMatch(0).getLpm()
                .getValue().toStringUtf8())).toList();
    }

    @Test
    void defaultEntryCanBeModifiedButNotInserted() {
        becomePrimaryWithPipeline();
        Action drop3 = Action.newBuilder().setActionId(RoutingEntities.DROP)
                .addParams(Action.Param.newBuilder().setParamId(1).setValue(bytes(3))).build();
        TableEntry defaultEntry = TableEntry.newBuilder().setTableId(RoutingEntities.TABLE).setIsDefaultAction(true)
                .setAction(TableAction.newBuilder().setAction(drop3)).build();
        assertEquals(List.of(Code.OK), write(update(Update.Type.MODIFY, defaultEntry)));
        List<Entity> read = primary.read(DEVICE, tableEntity(TableEntry.newBuilder().setTableId(RoutingEntities.TABLE)
                .setIsDefaultAction(true).build()));
        assertEquals(List.of(tableEntity(defaultEntry)), read);
        assertEquals(List.of(Code.INVALID_ARGUMENT), write(insert(defaultEntry)));
    }

    @Test
    void deletedEntryIsGoneFromReads() {
        becomePrimaryWithPipeline();
        write(insert(route(1, 1)), insert(route(2, 2)));
        assertEquals(List.of(Code.OK), write(update(Update.Type.DELETE, route(1, 1))));
        assertEquals(List.of(tableEntity(route(2, 2))), primary.read(DEVICE, tableEntity(TableEntry.newBuilder()
                .setTableId(RoutingEntities.TABLE).build())));
    }

    @Test
    void indexedCounterReadsEveryCellOrOne() {
        becomePrimaryWithPipeline();
        List<Entity> all = primary.read(DEVICE, RoutingEntities.counterRead(null));
        assertEquals(List.of(0L, 1L, 2L, 3L),
                all.stream().map(e -> e.getCounterEntry().getIndex().getIndex()).toList());
        List<Entity> two = primary.read(DEVICE, RoutingEntities.counterRead(2));
        assertEquals(1, two.size());
        assertEquals(2, two.get(0).getCounterEntry().getIndex().getIndex());
    }

    @Test
    void multicastGroupDuplicateAndCloneSession() {
        becomePrimaryWithPipeline();
        Update group = Update.newBuilder().setType(Update.Type.INSERT).setEntity(Entity.newBuilder()
                .setPacketReplicationEngineEntry(PacketReplicationEngineEntry.newBuilder().setMulticastGroupEntry(
                        MulticastGroupEntry.newBuilder().setMulticastGroupId(1)
                                .addReplicas(Replica.newBuilder().setEgressPort(1).setInstance(1))
                                .addReplicas(Replica.newBuilder().setEgressPort(2).setInstance(1))))).build();
        assertEquals(List.of(Code.OK), write(group));
        assertEquals(List.of(Code.ALREADY_EXISTS), write(group));
        Update session = Update.newBuilder().setType(Update.Type.INSERT).setEntity(Entity.newBuilder()
                .setPacketReplicationEngineEntry(PacketReplicationEngineEntry.newBuilder().setCloneSessionEntry(
                        CloneSessionEntry.newBuilder().setSessionId(5)
                                .addReplicas(Replica.newBuilder().setEgressPort(3).setInstance(0))))).build();
        assertEquals(List.of(Code.OK), write(session));
        assertTrue(primary.read(DEVICE, session.getEntity()).contains(session.getEntity()));
        assertEquals(Status.Code.OK, codeOf(() -> primary.read(DEVICE, group.getEntity())));
    }
}

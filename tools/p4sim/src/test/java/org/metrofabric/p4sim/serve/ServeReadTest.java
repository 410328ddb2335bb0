package org.metrofabric.p4sim.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.metrofabric.p4sim.serve.MetroEntities.P4INFO;
import static org.metrofabric.p4sim.serve.MetroEntities.PINNING;
import static org.metrofabric.p4sim.serve.MetroEntities.ROUTING;
import static org.metrofabric.p4sim.serve.MetroEntities.SELECTOR;
import static org.metrofabric.p4sim.serve.MetroEntities.insert;
import static org.metrofabric.p4sim.serve.RoutingEntities.bytes;

import io.grpc.Status.Code;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.metrofabric.p4runtime.codec.P4InfoIndex;
import org.metrofabric.p4runtime.codec.TableInfo;
import org.metrofabric.p4runtime.server.WriteErrors;
import p4.config.v1.P4InfoOuterClass.P4Info;
import p4.v1.P4RuntimeOuterClass.Action;
import p4.v1.P4RuntimeOuterClass.ActionProfileGroup;
import p4.v1.P4RuntimeOuterClass.ActionProfileMember;
import p4.v1.P4RuntimeOuterClass.CounterData;
import p4.v1.P4RuntimeOuterClass.DirectCounterEntry;
import p4.v1.P4RuntimeOuterClass.Entity;
import p4.v1.P4RuntimeOuterClass.FieldMatch;
import p4.v1.P4RuntimeOuterClass.Index;
import p4.v1.P4RuntimeOuterClass.MeterEntry;
import p4.v1.P4RuntimeOuterClass.ReadRequest;
import p4.v1.P4RuntimeOuterClass.ReadResponse;
import p4.v1.P4RuntimeOuterClass.TableAction;
import p4.v1.P4RuntimeOuterClass.TableEntry;
import p4.v1.P4RuntimeOuterClass.Update;

/** Wildcard reads (P4Runtime 1.3 "Wildcard Reads") over gRPC on metro.p4, and on meters.p4 for meter cells. */
class ServeReadTest {
    private static final long DEVICE = 1;

    private final ServeHarness harness = new ServeHarness();

    @AfterEach
    void stop() throws InterruptedException {
        harness.close();
    }

    private P4RuntimeTestClient metroWithEntries() {
        harness.addDevice(DEVICE, ServeHarness.METRO_P4);
        harness.start();
        P4RuntimeTestClient client = harness.primaryWithPipeline(DEVICE, P4INFO);
        List<Code> codes = client.writeCodes(DEVICE, 10,
                insert(MetroEntities.route(bytes(10, 0, 1, 0), 24, MetroEntities.setNextHop(1))),
                insert(MetroEntities.route(bytes(10, 0, 2, 0), 24, MetroEntities.setNextHop(2))),
                insert(MetroEntities.route(bytes(10, 0, 3, 0), 24, MetroEntities.action("IngressPipe.drop", bytes(6)))),
                insert(MetroEntities.pin(bytes(1, 1, 1, 1), bytes(255, 255, 255, 255), bytes(1), 10,
                        MetroEntities.setNextHop(5))),
                insert(MetroEntities.pin(bytes(2, 2, 2, 2), bytes(255, 255, 255, 255), bytes(1), 20,
                        MetroEntities.setNextHop(6))),
                insert(MetroEntities.member(1, MetroEntities.setNextHop(1))),
                insert(MetroEntities.member(2, MetroEntities.setNextHop(2))),
                insert(MetroEntities.group(7, 1, 2)));
        assertTrue(codes.stream().allMatch(c -> c == Code.OK), codes.toString());
        return client;
    }

    private static Entity tables(TableEntry filter) {
        return Entity.newBuilder().setTableEntry(filter).build();
    }

    @Test
    void tableEntryFilters() {
        P4RuntimeTestClient client = metroWithEntries();
        assertEquals(3, client.read(DEVICE, tables(TableEntry.newBuilder().setTableId(ROUTING.id()).build())).size());
        int drop = MetroEntities.INDEX.action("IngressPipe.drop").id();
        List<Entity> drops = client.read(DEVICE, tables(TableEntry.newBuilder().setTableId(ROUTING.id())
                .setAction(TableAction.newBuilder().setAction(Action.newBuilder()
                        .setActionId(drop))).build()));
        assertEquals(1, drops.size(), "action id filter");
        List<Entity> priority20 = client.read(DEVICE, tables(TableEntry.newBuilder().setTableId(PINNING.id())
                .setPriority(20).build()));
        assertEquals(1, priority20.size(), "priority filter");
        assertEquals(20, priority20.get(0).getTableEntry().getPriority());
        assertEquals(List.of(), client.read(DEVICE, tables(TableEntry.newBuilder().setTableId(ROUTING.id())
                .setMetadata(com.google.protobuf.ByteString.copyFromUtf8("x")).build())), "metadata is not stored");
        List<Entity> everything = client.read(DEVICE, tables(TableEntry.getDefaultInstance()));
        assertEquals(3 + 2 + 3, everything.size(), "3 routes, 2 pins, 3 const punt entries");
    }

    @Test
    void defaultEntriesOfEveryTable() {
        P4RuntimeTestClient client = metroWithEntries();
        List<Entity> defaults = client.read(DEVICE, tables(TableEntry.newBuilder().setIsDefaultAction(true).build()));
        assertEquals(P4INFO.getTablesCount(), defaults.size());
        assertTrue(defaults.stream().allMatch(e -> e.getTableEntry().getIsDefaultAction()));
    }

    @Test
    void directCountersWithTheEntriesOrAlone() {
        P4RuntimeTestClient client = metroWithEntries();
        List<Entity> withCounters = client.read(DEVICE, tables(TableEntry.newBuilder().setTableId(PINNING.id())
                .setCounterData(CounterData.getDefaultInstance()).build()));
        assertTrue(withCounters.stream().allMatch(e -> e.getTableEntry().hasCounterData()));
        List<Entity> without = client.read(DEVICE, tables(TableEntry.newBuilder().setTableId(PINNING.id()).build()));
        assertTrue(without.stream().noneMatch(e -> e.getTableEntry().hasCounterData()));
        List<Entity> cells = client.read(DEVICE, Entity.newBuilder().setDirectCounterEntry(
                DirectCounterEntry.getDefaultInstance()).build());
        assertEquals(2, cells.size(), "every entry of every table with a direct counter");
        TableEntry one = without.get(0).getTableEntry();
        List<Entity> cell = client.read(DEVICE, Entity.newBuilder().setDirectCounterEntry(DirectCounterEntry
                .newBuilder().setTableEntry(TableEntry.newBuilder().setTableId(PINNING.id())
                        .addAllMatch(one.getMatchList()).setPriority(one.getPriority()))).build());
        assertEquals(1, cell.size());
        assertEquals(one.getMatchList(), cell.get(0).getDirectCounterEntry().getTableEntry().getMatchList());
    }

    @Test
    void membersAndGroupsByProfileAndId() {
        P4RuntimeTestClient client = metroWithEntries();
        Entity allMembers = Entity.newBuilder().setActionProfileMember(ActionProfileMember.getDefaultInstance())
                .build();
        assertEquals(2, client.read(DEVICE, allMembers).size());
        assertEquals(List.of(MetroEntities.member(2, MetroEntities.setNextHop(2))), client.read(DEVICE,
                Entity.newBuilder().setActionProfileMember(ActionProfileMember.newBuilder()
                        .setActionProfileId(SELECTOR).setMemberId(2)).build()));
        List<Entity> groups = client.read(DEVICE, Entity.newBuilder().setActionProfileGroup(
                ActionProfileGroup.newBuilder().setActionProfileId(SELECTOR)).build());
        assertEquals(1, groups.size());
        assertEquals(7, groups.get(0).getActionProfileGroup().getGroupId());
        assertEquals(2, groups.get(0).getActionProfileGroup().getMembersCount());
    }

    @Test
    void aFailingEntityFailsTheReadWithOneErrorPerEntity() {
        P4RuntimeTestClient client = metroWithEntries();
        ReadRequest request = ReadRequest.newBuilder().setDeviceId(DEVICE)
                .addEntities(tables(TableEntry.newBuilder().setTableId(ROUTING.id()).build()))
                .addEntities(Entity.getDefaultInstance()).build();
        StatusRuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
                () -> client.blocking.read(request).forEachRemaining(r -> { }));
        assertEquals(Code.UNKNOWN, e.getStatus().getCode());
        Optional<List<p4.v1.P4RuntimeOuterClass.Error>> errors = WriteErrors.unpack(e, 2);
        assertEquals(List.of(Code.OK.value(), Code.INVALID_ARGUMENT.value()),
                errors.orElseThrow().stream().map(p4.v1.P4RuntimeOuterClass.Error::getCanonicalCode).toList());
        assertEquals(Code.NOT_FOUND,
                ServeHarness.codeOf(() -> client.read(42, tables(TableEntry.getDefaultInstance()))));
    }

    @Test
    void meterCellsAllOrOne() {
        Path meters = ServeHarness.CORPUS.resolve("meters.p4");
        harness.addDevice(DEVICE, meters);
        harness.start();
        P4RuntimeTestClient client = harness.primaryWithPipeline(DEVICE, ServeHarness.p4cP4Info("meters"));
        List<Entity> all = client.read(DEVICE, Entity.newBuilder().setMeterEntry(MeterEntry.getDefaultInstance())
                .build());
        assertEquals(8, all.size(), "every cell of the one indexed meter");
        int policer = all.get(0).getMeterEntry().getMeterId();
        List<Entity> one = client.read(DEVICE, Entity.newBuilder().setMeterEntry(MeterEntry.newBuilder()
                .setMeterId(policer).setIndex(Index.newBuilder().setIndex(3))).build());
        assertEquals(1, one.size());
        assertEquals(3, one.get(0).getMeterEntry().getIndex().getIndex());
    }

    @Test
    void largeReadsAreStreamedInSeveralResponses() {
        Path bench = Path.of("src/test/resources/serve/bench.p4");
        harness.addDevice(DEVICE, bench);
        harness.start();
        P4Info p4Info = ServeHarness.pipeline(bench).p4info();
        P4RuntimeTestClient client = harness.primaryWithPipeline(DEVICE, p4Info);
        TableInfo hosts = P4InfoIndex.of(p4Info)
                .table("BenchIngress.hosts");
        int drop = P4InfoIndex.of(p4Info).action("BenchIngress.drop").id();
        int count = 20_000;
        List<Update> updates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            updates.add(insert(TableEntry.newBuilder().setTableId(hosts.id())
                    .addMatch(FieldMatch.newBuilder().setFieldId(1).setExact(
                            FieldMatch.Exact.newBuilder().setValue(bytes(10, i >> 16 & 0xff,
                                    i >> 8 & 0xff, i & 0xff))))
                    .setAction(TableAction.newBuilder().setAction(Action.newBuilder()
                            .setActionId(drop))).build()));
        }
        client.write(DEVICE, 10, updates);
        Iterator<ReadResponse> responses = client.blocking.read(
                ReadRequest.newBuilder().setDeviceId(DEVICE).addEntities(tables(TableEntry.newBuilder()
                        .setTableId(hosts.id()).build())).build());
        int messages = 0;
        Set<Entity> seen = new HashSet<>();
        while (responses.hasNext()) {
            seen.addAll(responses.next().getEntitiesList());
            messages++;
        }
        assertEquals(count, seen.size(), "every entry once");
        assertTrue(messages > 1, "split into several responses, got " + messages);
    }

    @Test
    void controllerMetadataIsReadBackAsWritten() {
        harness.addDevice(DEVICE, ServeHarness.METRO_P4);
        harness.start();
        P4RuntimeTestClient client = harness.primaryWithPipeline(DEVICE, P4INFO);
        TableEntry route = MetroEntities.route(bytes(10, 0, 1, 0), 24, MetroEntities.setNextHop(1)).toBuilder()
                .setControllerMetadata(77).build();
        TableEntry pin = MetroEntities.pin(bytes(1, 1, 1, 1), bytes(255, 255, 255, 255), bytes(1), 10,
                MetroEntities.setNextHop(5)).toBuilder().setControllerMetadata(0x7fff_ffff_ffffL).build();
        assertEquals(List.of(Code.OK, Code.OK), client.writeCodes(DEVICE, 10, insert(route), insert(pin)));
        assertEquals(List.of(tables(route)), client.read(DEVICE, tables(TableEntry.newBuilder()
                .setTableId(ROUTING.id()).build())));
        assertEquals(List.of(tables(pin)), client.read(DEVICE, tables(TableEntry.newBuilder()
                .setTableId(PINNING.id()).build())));
        TableEntry modified = route.toBuilder().setControllerMetadata(0).build();
        assertEquals(List.of(Code.OK), client.writeCodes(DEVICE, 10, Update.newBuilder()
                .setType(Update.Type.MODIFY).setEntity(tables(modified)).build()));
        assertEquals(List.of(tables(modified)), client.read(DEVICE, tables(TableEntry.newBuilder()
                .setTableId(ROUTING.id()).build())));
    }
}

package org.metrofabric.p4sim.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.metrofabric.p4sim.serve.RoutingEntities.bytes;
import static org.metrofabric.p4sim.serve.RoutingEntities.tableEntity;
import static org.metrofabric.p4sim.serve.RoutingEntities.update;

import io.grpc.Status.Code;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrofabric.p4runtime.codec.P4InfoIndex;
import p4.config.v1.P4InfoOuterClass.P4Info;
import p4.v1.P4RuntimeOuterClass.Action;
import p4.v1.P4RuntimeOuterClass.Entity;
import p4.v1.P4RuntimeOuterClass.FieldMatch;
import p4.v1.P4RuntimeOuterClass.IdleTimeoutNotification;
import p4.v1.P4RuntimeOuterClass.StreamMessageResponse;
import p4.v1.P4RuntimeOuterClass.TableAction;
import p4.v1.P4RuntimeOuterClass.TableEntry;
import p4.v1.P4RuntimeOuterClass.Update;

/**
 * Idle timeouts over gRPC (serve/ageing.p4: smac supports timeouts, dmac does not). The target's clock
 * is a counter the test moves; sweeps are called by the test, as {@code p4sim serve}'s timer would.
 */
class ServeIdleTimeoutTest {
    private static final long DEVICE = 1;
    private static final long SECOND = 1_000_000_000L;
    private static final Path AGEING = Path.of("src/test/resources/serve/ageing.p4");
    private static final P4Info P4INFO = ServeHarness.pipeline(AGEING).p4info();
    private static final P4InfoIndex INDEX = P4InfoIndex.of(P4INFO);
    private static final int SMAC = INDEX.table("AgeingIngress.smac").id();
    private static final int SRC = INDEX.table("AgeingIngress.smac").matchField("hdr.ethernet.src").getId();
    private static final int KNOWN = INDEX.action("AgeingIngress.known").id();
    private static final int DMAC = INDEX.table("AgeingIngress.dmac").id();
    private static final int DST = INDEX.table("AgeingIngress.dmac").matchField("hdr.ethernet.dst").getId();
    private static final int FORWARD = INDEX.action("AgeingIngress.forward").id();

    private final AtomicLong clock = new AtomicLong(1000 * SECOND);
    private ServeHarness harness;
    private P4SimTarget target;
    private P4RuntimeTestClient primary;
    private P4RuntimeTestClient.Stream primaryStream;
    private P4RuntimeTestClient.Stream backupStream;

    @BeforeEach
    void start() {
        harness = new ServeHarness();
        target = new P4SimTarget(ServeHarness.pipeline(AGEING), clock::get);
        harness.service.addDevice(DEVICE, target);
        harness.start();
        primary = harness.primaryWithPipeline(DEVICE, P4INFO);
        primaryStream = primary.firstStream();
        backupStream = harness.client().openStream().arbitrate(DEVICE, 5);
        backupStream.expectArbitration(Code.ALREADY_EXISTS, 10);
    }

    @AfterEach
    void stop() throws InterruptedException {
        harness.close();
    }

    private static TableEntry source(int lastMacByte, long idleTimeoutNs, long cookie) {
        return TableEntry.newBuilder().setTableId(SMAC)
                .addMatch(FieldMatch.newBuilder().setFieldId(SRC)
                        .setExact(FieldMatch.Exact.newBuilder().setValue(bytes(lastMacByte))))
                .setAction(TableAction.newBuilder().setAction(Action.newBuilder().setActionId(KNOWN)))
                .setControllerMetadata(cookie).setIdleTimeoutNs(idleTimeoutNs).build();
    }

    private void insert(TableEntry... entries) {
        primary.write(DEVICE, 10, java.util.Arrays.stream(entries).map(e -> update(Update.Type.INSERT, e)).toList());
    }

    private List<Entity> readSources(boolean withTimeSinceLastHit) {
        TableEntry.Builder filter = TableEntry.newBuilder().setTableId(SMAC);
        if (withTimeSinceLastHit) {
            filter.setTimeSinceLastHit(TableEntry.IdleTimeout.getDefaultInstance());
        }
        return primary.read(DEVICE, tableEntity(filter.build()));
    }

    @Test
    void oneNotificationPerSweepReachesThePrimaryOnlyWithTheFieldsPiSends() {
        TableEntry a1 = source(0xa1, 2 * SECOND, 77);
        TableEntry b2 = source(0xb2, 2 * SECOND, 0);
        insert(a1, b2);
        clock.addAndGet(2 * SECOND - 1);
        assertEquals(List.of(), target.sweepIdleEntries(), "not idle for 2 s yet: nothing is sent");
        clock.addAndGet(1);
        assertEquals(2, target.sweepIdleEntries().size());

        StreamMessageResponse message = primaryStream.next();
        assertTrue(message.hasIdleTimeoutNotification(), "the first message after the sweep: " + message);
        IdleTimeoutNotification notification = message.getIdleTimeoutNotification();
        assertEquals(clock.get(), notification.getTimestamp());
        assertEquals(List.of(a1.toBuilder().clearAction().build(), b2.toBuilder().clearAction().build()),
                notification.getTableEntryList(), "table id, match, cookie and timeout; no action");

        backupStream.arbitrate(DEVICE, 5);
        backupStream.expectArbitration(Code.ALREADY_EXISTS, 10);
        assertTrue(backupStream.received.isEmpty(), "the backup got no notification before its arbitration reply");
    }

    @Test
    void aHitKeepsTheEntryAndTheReadReportsTheTimeSinceThatHit() {
        insert(source(0xa1, 10 * SECOND, 5));
        clock.addAndGet(3 * SECOND);
        target.receive(1, ServeHarness.frameFrom(0xa1));
        clock.addAndGet(2 * SECOND);

        List<Entity> read = readSources(true);
        assertEquals(1, read.size());
        TableEntry entry = read.get(0).getTableEntry();
        assertEquals(2 * SECOND, entry.getTimeSinceLastHit().getElapsedNs());
        assertEquals(10 * SECOND, entry.getIdleTimeoutNs());
        assertEquals(5, entry.getControllerMetadata());
        assertFalse(readSources(false).get(0).getTableEntry().hasTimeSinceLastHit(), "only when asked for");

        clock.addAndGet(8 * SECOND - 1);
        assertEquals(List.of(), target.sweepIdleEntries(), "10 s after the hit, not after the insert");
        clock.addAndGet(1);
        assertEquals(1, target.sweepIdleEntries().size());
    }

    @Test
    void modifyChangesTheTimeoutAndDeleteEndsTheNotifications() {
        insert(source(0xa1, 30 * SECOND, 0));
        clock.addAndGet(SECOND);
        primary.write(DEVICE, 10, List.of(update(Update.Type.MODIFY, source(0xa1, 4 * SECOND, 0))));
        assertEquals(4 * SECOND, readSources(false).get(0).getTableEntry().getIdleTimeoutNs());
        clock.addAndGet(4 * SECOND);
        assertEquals(1, target.sweepIdleEntries().size());
        assertTrue(primaryStream.next().hasIdleTimeoutNotification());

        primary.write(DEVICE, 10, List.of(update(Update.Type.DELETE, source(0xa1, 0, 0))));
        clock.addAndGet(SECOND);
        assertEquals(List.of(), target.sweepIdleEntries());
        clock.addAndGet(SECOND);
        assertEquals(List.of(), target.sweepIdleEntries());
    }

    @Test
    void timeSinceLastHitOnATableWithoutTimeoutsIsLeftOutAsPiDoes() {
        TableEntry forward = TableEntry.newBuilder().setTableId(DMAC)
                .addMatch(FieldMatch.newBuilder().setFieldId(DST)
                        .setExact(FieldMatch.Exact.newBuilder().setValue(bytes(0xd1))))
                .setAction(TableAction.newBuilder().setAction(Action.newBuilder().setActionId(FORWARD)
                        .addParams(Action.Param.newBuilder().setParamId(1).setValue(bytes(2))))).build();
        insert(forward);
        List<Entity> read = primary.read(DEVICE, tableEntity(TableEntry.newBuilder().setTableId(DMAC)
                .setTimeSinceLastHit(TableEntry.IdleTimeout.getDefaultInstance()).build()));
        assertEquals(List.of(tableEntity(forward)), read);
    }

    @Test
    void badIdleTimeoutWritesAreRejectedPerUpdateAndChangeNothing() {
        TableEntry forwardWithTimeout = TableEntry.newBuilder().setTableId(DMAC)
                .addMatch(FieldMatch.newBuilder().setFieldId(DST)
                        .setExact(FieldMatch.Exact.newBuilder().setValue(bytes(0xd1))))
                .setAction(TableAction.newBuilder().setAction(Action.newBuilder().setActionId(FORWARD)
                        .addParams(Action.Param.newBuilder().setParamId(1).setValue(bytes(2)))))
                .setIdleTimeoutNs(SECOND).build();
        TableEntry withElapsed = source(0xb2, SECOND, 0).toBuilder()
                .setTimeSinceLastHit(TableEntry.IdleTimeout.newBuilder().setElapsedNs(5)).build();
        assertEquals(List.of(Code.INVALID_ARGUMENT, Code.INVALID_ARGUMENT, Code.INVALID_ARGUMENT),
                primary.writeCodes(DEVICE, 10, update(Update.Type.INSERT, source(0xa1, -SECOND, 0)),
                        update(Update.Type.INSERT, forwardWithTimeout), update(Update.Type.INSERT, withElapsed)));
        assertEquals(List.of(), readSources(false));
        assertEquals(List.of(), primary.read(DEVICE, tableEntity(TableEntry.newBuilder().setTableId(DMAC).build())));
        clock.addAndGet(10 * SECOND);
        assertEquals(List.of(), target.sweepIdleEntries());
    }
}

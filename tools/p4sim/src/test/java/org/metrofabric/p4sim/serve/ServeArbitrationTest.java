package org.metrofabric.p4sim.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.metrofabric.p4sim.serve.RoutingEntities.P4INFO;
import static org.metrofabric.p4sim.serve.RoutingEntities.route;
import static org.metrofabric.p4sim.serve.RoutingEntities.update;

import io.grpc.Status.Code;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import p4.v1.P4RuntimeOuterClass.MasterArbitrationUpdate;
import p4.v1.P4RuntimeOuterClass.Update;
import p4.v1.P4RuntimeOuterClass.WriteRequest;

/** Client arbitration over gRPC with two or more clients, and the order of Write's RPC-wide checks. */
class ServeArbitrationTest {
    private static final long DEVICE = 7;

    private ServeHarness harness;

    @BeforeEach
    void start() {
        harness = new ServeHarness();
        harness.addDevice(DEVICE, ServeHarness.CORPUS.resolve("routing.p4"));
        harness.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        harness.close();
    }

    @Test
    void unknownDeviceEndsTheStreamWithNotFound() throws Exception {
        P4RuntimeTestClient.Stream stream = harness.client().openStream().arbitrate(99, 1);
        assertEquals(Code.NOT_FOUND, stream.endStatus().getCode());
    }

    @Test
    void higherIdTakesOverAndTheOldPrimaryIsToldItIsABackup() {
        P4RuntimeTestClient a = harness.client();
        P4RuntimeTestClient b = harness.client();
        P4RuntimeTestClient.Stream sa = a.openStream().arbitrate(DEVICE, 3);
        sa.expectArbitration(Code.OK, 3);
        P4RuntimeTestClient.Stream sb = b.openStream().arbitrate(DEVICE, 4);
        sb.expectArbitration(Code.OK, 4);
        sa.expectArbitration(Code.ALREADY_EXISTS, 4);
        assertEquals(Code.PERMISSION_DENIED, ServeHarness.codeOf(() -> a.setPipeline(DEVICE, 3,
                p4.v1.P4RuntimeOuterClass.SetForwardingPipelineConfigRequest.Action.VERIFY_AND_COMMIT,
                ServeHarness.config(P4INFO, 1))));
    }

    @Test
    void primaryDisconnectPromotesNobodyAndAStaleIdStaysBackup() throws Exception {
        P4RuntimeTestClient a = harness.client();
        P4RuntimeTestClient b = harness.client();
        P4RuntimeTestClient.Stream sa = a.openStream().arbitrate(DEVICE, 20);
        sa.expectArbitration(Code.OK, 20);
        P4RuntimeTestClient.Stream sb = b.openStream().arbitrate(DEVICE, 15);
        sb.expectArbitration(Code.ALREADY_EXISTS, 20);
        sa.close();
        MasterArbitrationUpdate noPrimary = sb.expectArbitration(Code.NOT_FOUND, 20);
        assertEquals(DEVICE, noPrimary.getDeviceId());
        sb.arbitrate(DEVICE, 19);
        sb.expectArbitration(Code.NOT_FOUND, 20);
        assertEquals(Code.PERMISSION_DENIED, ServeHarness.codeOf(() -> b.setPipeline(DEVICE, 19,
                p4.v1.P4RuntimeOuterClass.SetForwardingPipelineConfigRequest.Action.VERIFY_AND_COMMIT,
                ServeHarness.config(P4INFO, 1))));
        sb.arbitrate(DEVICE, 21);
        sb.expectArbitration(Code.OK, 21);
    }

    @Test
    void aStreamCannotSwitchDevice() throws Exception {
        harness.service.addDevice(8, new P4SimTarget(ServeHarness.pipeline(ServeHarness.CORPUS.resolve("routing.p4"))));
        P4RuntimeTestClient.Stream stream = harness.client().openStream().arbitrate(DEVICE, 1);
        stream.expectArbitration(Code.OK, 1);
        stream.arbitrate(8, 1);
        assertEquals(Code.FAILED_PRECONDITION, stream.endStatus().getCode());
    }

    @Test
    void writeChecksDeviceThenRoleThenPrimaryThenPipeline() {
        P4RuntimeTestClient client = harness.client();
        Update insert = update(Update.Type.INSERT, route(1, 1));
        assertEquals(List.of(Code.NOT_FOUND), client.writeCodes(99, 1, insert), "unknown device");
        assertEquals(List.of(Code.PERMISSION_DENIED), client.writeCodes(DEVICE, 1, insert), "no primary at all");
        client.openStream().arbitrate(DEVICE, 1).expectArbitration(Code.OK, 1);
        assertEquals(List.of(Code.NOT_FOUND), client.writeCodes(WriteRequest.newBuilder().setDeviceId(DEVICE)
                .setRoleId(5).setElectionId(P4RuntimeTestClient.electionId(1)).addUpdates(insert).build()),
                "unknown role");
        assertEquals(List.of(Code.PERMISSION_DENIED), client.writeCodes(WriteRequest.newBuilder()
                .setDeviceId(DEVICE).addUpdates(insert).build()), "no election id");
        assertEquals(List.of(Code.PERMISSION_DENIED), client.writeCodes(DEVICE, 2, insert), "wrong election id");
        assertEquals(List.of(Code.FAILED_PRECONDITION), client.writeCodes(DEVICE, 1, insert), "no pipeline yet");
    }

    @Test
    void readsNeedNoArbitrationAndBackupsGetNoUnsolicitedMessages() throws Exception {
        P4RuntimeTestClient primary = harness.primaryWithPipeline(DEVICE, P4INFO);
        P4RuntimeTestClient backup = harness.client();
        P4RuntimeTestClient.Stream backupStream = backup.openStream().arbitrate(DEVICE, 2);
        backupStream.expectArbitration(Code.ALREADY_EXISTS, 10);
        assertEquals(1, primary.read(DEVICE, RoutingEntities.counterRead(0)).size());
        assertEquals(1, backup.read(DEVICE, RoutingEntities.counterRead(0)).size());
        assertEquals(1, harness.client().read(DEVICE, RoutingEntities.counterRead(0)).size(), "no stream at all");
        assertFalse(backupStream.poll(100).isPresent());
    }
}

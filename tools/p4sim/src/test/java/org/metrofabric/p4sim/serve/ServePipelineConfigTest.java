package org.metrofabric.p4sim.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.metrofabric.p4sim.serve.RoutingEntities.P4INFO;
import static org.metrofabric.p4sim.serve.RoutingEntities.route;
import static org.metrofabric.p4sim.serve.RoutingEntities.tableEntity;
import static org.metrofabric.p4sim.serve.RoutingEntities.update;

import io.grpc.Status.Code;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import p4.config.v1.P4InfoOuterClass.P4Info;
import p4.config.v1.P4InfoOuterClass.Table;
import p4.v1.P4RuntimeOuterClass.CapabilitiesRequest;
import p4.v1.P4RuntimeOuterClass.ForwardingPipelineConfig;
import p4.v1.P4RuntimeOuterClass.GetForwardingPipelineConfigRequest;
import p4.v1.P4RuntimeOuterClass.GetForwardingPipelineConfigRequest.ResponseType;
import p4.v1.P4RuntimeOuterClass.SetForwardingPipelineConfigRequest.Action;
import p4.v1.P4RuntimeOuterClass.TableEntry;
import p4.v1.P4RuntimeOuterClass.Update;

/** SetForwardingPipelineConfig actions, the P4Info check, GetForwardingPipelineConfig and Capabilities. */
class ServePipelineConfigTest {
    private static final long DEVICE = 1;

    private ServeHarness harness;
    private P4RuntimeTestClient client;

    @BeforeEach
    void start() {
        harness = new ServeHarness();
        harness.addDevice(DEVICE, ServeHarness.CORPUS.resolve("routing.p4"));
        harness.start();
        client = harness.client();
        client.openStream().arbitrate(DEVICE, 10).expectArbitration(Code.OK, 10);
    }

    @AfterEach
    void stop() throws InterruptedException {
        harness.close();
    }

    private Code set(Action action, ForwardingPipelineConfig config) {
        return ServeHarness.codeOf(() -> client.setPipeline(DEVICE, 10, action, config));
    }

    private ForwardingPipelineConfig get(ResponseType type) {
        return client.blocking.getForwardingPipelineConfig(GetForwardingPipelineConfigRequest.newBuilder()
                .setDeviceId(DEVICE).setResponseType(type).build()).getConfig();
    }

    private int routeCount() {
        return client.read(DEVICE, tableEntity(TableEntry.newBuilder().setTableId(RoutingEntities.TABLE).build()))
                .size();
    }

    @Test
    void noPipelineIsFailedPreconditionForGetReadAndWrite() {
        StatusRuntimeException get = assertThrows(StatusRuntimeException.class, () -> get(ResponseType.ALL));
        assertEquals(Code.FAILED_PRECONDITION, get.getStatus().getCode());
        assertEquals(Code.FAILED_PRECONDITION, ServeHarness.codeOf(() -> routeCount()));
        assertEquals(List.of(Code.FAILED_PRECONDITION), client.writeCodes(DEVICE, 10,
                update(Update.Type.INSERT, route(1, 1))));
        assertEquals(Code.NOT_FOUND, ServeHarness.codeOf(() -> client.blocking.getForwardingPipelineConfig(
                GetForwardingPipelineConfigRequest.newBuilder().setDeviceId(42).build())));
    }

    @Test
    void getReturnsWhatEachResponseTypeAsksForAndEchoesTheCookie() {
        ForwardingPipelineConfig config = ServeHarness.config(P4INFO, 77);
        assertEquals(Code.OK, set(Action.VERIFY_AND_COMMIT, config));
        assertEquals(config, get(ResponseType.ALL));
        assertEquals(ForwardingPipelineConfig.newBuilder().setCookie(config.getCookie()).build(),
                get(ResponseType.COOKIE_ONLY));
        assertEquals(config.toBuilder().clearP4DeviceConfig().build(), get(ResponseType.P4INFO_AND_COOKIE));
        assertEquals(config.toBuilder().clearP4Info().build(), get(ResponseType.DEVICE_CONFIG_AND_COOKIE));
    }

    @Test
    void mismatchedP4InfoIsRejectedNamingTheDifferenceAndChangesNothing() {
        assertEquals(Code.OK, set(Action.VERIFY_AND_COMMIT, ServeHarness.config(P4INFO, 1)));
        client.write(DEVICE, 10, List.of(update(Update.Type.INSERT, route(1, 1))));
        Table renamed = P4INFO.getTables(0).toBuilder().setPreamble(P4INFO.getTables(0).getPreamble().toBuilder()
                .setName("RoutingIngress.other")).build();
        P4Info other = P4INFO.toBuilder().setTables(0, renamed).build();
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> client.setPipeline(DEVICE, 10,
                Action.VERIFY_AND_COMMIT, ServeHarness.config(other, 2)));
        assertEquals(Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertTrue(e.getStatus().getDescription().contains("RoutingIngress.other"), e.getStatus().getDescription());
        P4Info metro = ServeHarness.parseP4Info(ServeHarness.METRO_P4INFO);
        assertEquals(Code.INVALID_ARGUMENT, set(Action.VERIFY_AND_COMMIT, ServeHarness.config(metro, 2)));
        assertEquals(Code.INVALID_ARGUMENT, set(Action.VERIFY, ServeHarness.config(other, 2)));
        assertEquals(1, get(ResponseType.COOKIE_ONLY).getCookie().getCookie());
        assertEquals(1, routeCount());
    }

    @Test
    void reorderedRepeatedEntriesAreTheSameP4Info() {
        List<p4.config.v1.P4InfoOuterClass.Action> actions = new ArrayList<>(P4INFO.getActionsList());
        Collections.reverse(actions);
        P4Info reordered = P4INFO.toBuilder().clearActions().addAllActions(actions).build();
        assertEquals(Code.OK, set(Action.VERIFY_AND_COMMIT, ServeHarness.config(reordered, 3)));
    }

    @Test
    void missingConfigOrActionIsInvalid() {
        assertEquals(Code.INVALID_ARGUMENT, set(Action.VERIFY_AND_COMMIT, null));
        assertEquals(Code.INVALID_ARGUMENT, set(Action.UNSPECIFIED, ServeHarness.config(P4INFO, 1)));
    }

    @Test
    void verifyAndSaveThenCommit() {
        assertEquals(Code.NOT_FOUND, set(Action.COMMIT, null), "nothing saved");
        assertEquals(Code.OK, set(Action.VERIFY, ServeHarness.config(P4INFO, 1)));
        assertEquals(Code.FAILED_PRECONDITION, ServeHarness.codeOf(() -> get(ResponseType.ALL)),
                "VERIFY commits nothing");
        assertEquals(Code.OK, set(Action.VERIFY_AND_SAVE, ServeHarness.config(P4INFO, 5)));
        assertEquals(Code.FAILED_PRECONDITION, ServeHarness.codeOf(() -> get(ResponseType.ALL)),
                "saved, not committed");
        assertEquals(Code.INVALID_ARGUMENT, set(Action.COMMIT, ServeHarness.config(P4INFO, 6)),
                "COMMIT carries no config");
        assertEquals(Code.OK, set(Action.COMMIT, null));
        assertEquals(5, get(ResponseType.COOKIE_ONLY).getCookie().getCookie());
    }

    @Test
    void verifyAndCommitClearsStateAndReconcileKeepsIt() {
        assertEquals(Code.OK, set(Action.VERIFY_AND_COMMIT, ServeHarness.config(P4INFO, 1)));
        client.write(DEVICE, 10, List.of(update(Update.Type.INSERT, route(1, 1))));
        assertEquals(Code.OK, set(Action.RECONCILE_AND_COMMIT, ServeHarness.config(P4INFO, 2)));
        assertEquals(1, routeCount());
        assertEquals(2, get(ResponseType.COOKIE_ONLY).getCookie().getCookie());
        assertEquals(Code.OK, set(Action.VERIFY_AND_COMMIT, ServeHarness.config(P4INFO, 3)));
        assertEquals(0, routeCount());
    }

    @Test
    void capabilitiesNameTheApiVersion() {
        String version = client.blocking.capabilities(CapabilitiesRequest.getDefaultInstance())
                .getP4RuntimeApiVersion();
        assertFalse(version.isEmpty());
        assertTrue(version.startsWith("1."), version);
    }
}

package org.metrofabric.p4runtime.server;

import com.google.protobuf.Any;
import com.google.protobuf.StringValue;
import io.grpc.Status;
import org.junit.jupiter.api.Test;
import org.metrofabric.p4runtime.codec.P4RuntimeException;
import p4.v1.P4RuntimeOuterClass.MasterArbitrationUpdate;
import p4.v1.P4RuntimeOuterClass.Role;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArbitrationTest {

    private static final long DEVICE = 1;

    private final Arbitration<String> arbitration = new Arbitration<>(DEVICE);

    private static MasterArbitrationUpdate update(long electionId) {
        return MasterArbitrationUpdate.newBuilder().setDeviceId(DEVICE)
                .setElectionId(ElectionId.of(electionId).toProto()).build();
    }

    private static MasterArbitrationUpdate backupUpdate() {
        return MasterArbitrationUpdate.newBuilder().setDeviceId(DEVICE).build();
    }

    private static MasterArbitrationUpdate roleUpdate(long roleId, long electionId, String config) {
        Role.Builder role = Role.newBuilder().setId(roleId);
        if (config != null) {
            role.setConfig(Any.pack(StringValue.of(config)));
        }
        return update(electionId).toBuilder().setRole(role).build();
    }

    /** stream -> (status code, election id low word or -1 if unset) of each notification. */
    private static Map<String, String> summary(Arbitration.Outcome<String> outcome) {
        assertTrue(outcome.rejection().isEmpty(), () -> "unexpected rejection " + outcome.rejection());
        return outcome.notifications().stream().collect(Collectors.toMap(Arbitration.Notification::stream, n -> {
            MasterArbitrationUpdate u = n.update();
            assertEquals(DEVICE, u.getDeviceId());
            return Status.fromCodeValue(u.getStatus().getCode()).getCode() + "@"
                    + (u.hasElectionId() ? Long.toString(u.getElectionId().getLow()) : "unset");
        }));
    }

    private static void assertRejected(Arbitration.Outcome<String> outcome, Status.Code code) {
        assertEquals(code, outcome.rejection().orElseThrow().getCode());
        assertTrue(outcome.notifications().isEmpty());
    }

    private void assertWriteDenied(long electionId) {
        P4RuntimeException e = assertThrows(P4RuntimeException.class,
                () -> arbitration.checkPrimary(0, Optional.of(ElectionId.of(electionId))));
        assertEquals(Status.Code.PERMISSION_DENIED, e.code());
    }

    /** The sequence recorded on BMv2's PI server (conformance/p4runtime/README.md). */
    @Test
    void recordedConformanceSequence() {
        assertEquals(Map.of("a", "OK@10"), summary(arbitration.onUpdate("a", update(10))));
        assertEquals(Map.of("b", "ALREADY_EXISTS@10"), summary(arbitration.onUpdate("b", update(5))));
        assertWriteDenied(5);
        arbitration.checkPrimary(0, Optional.of(ElectionId.of(10)));

        assertEquals(Map.of("b", "OK@11", "a", "ALREADY_EXISTS@11"), summary(arbitration.onUpdate("b", update(11))));
        assertWriteDenied(10);
        assertTrue(arbitration.isPrimary("b"));
        assertFalse(arbitration.isPrimary("a"));

        assertRejected(arbitration.onUpdate("c", update(11)), Status.Code.INVALID_ARGUMENT);
        assertTrue(arbitration.isPrimary("b"), "a refused update changes nothing");
        assertEquals(Optional.of("b"), arbitration.primaryStream(0));
    }

    @Test
    void primaryDisconnectPromotesNobody() {
        arbitration.onUpdate("a", update(10));
        arbitration.onUpdate("b", update(5));
        assertEquals(Map.of("b", "NOT_FOUND@10"), summary(arbitration.onStreamClosed("a")));
        assertFalse(arbitration.isPrimary("b"));
        assertEquals(Optional.empty(), arbitration.primaryStream(0));
        assertWriteDenied(5);
        assertEquals(Map.of("b", "NOT_FOUND@10"), summary(arbitration.onUpdate("b", update(7))),
                "below the highest id seen: still no primary");
        assertEquals(Map.of("b", "ALREADY_EXISTS@10", "a2", "OK@10"),
                summary(arbitration.onUpdate("a2", update(10))), "a reconnecting primary with its id");
    }

    @Test
    void backupDisconnectNotifiesNobody() {
        arbitration.onUpdate("a", update(10));
        arbitration.onUpdate("b", update(5));
        assertEquals(Map.of(), summary(arbitration.onStreamClosed("b")));
        assertEquals(Map.of(), summary(arbitration.onStreamClosed("never-seen")));
        assertTrue(arbitration.isPrimary("a"));
    }

    @Test
    void primaryDowngradeLeavesNoPrimary() {
        arbitration.onUpdate("a", update(10));
        arbitration.onUpdate("b", update(5));
        assertEquals(Map.of("a", "NOT_FOUND@10", "b", "NOT_FOUND@10"), summary(arbitration.onUpdate("a", update(3))));
        assertFalse(arbitration.isPrimary("a"));
    }

    @Test
    void unsetElectionIdIsAlwaysABackup() {
        assertEquals(Map.of("a", "NOT_FOUND@unset"), summary(arbitration.onUpdate("a", backupUpdate())));
        assertEquals(Map.of("b", "NOT_FOUND@unset"), summary(arbitration.onUpdate("b", backupUpdate())),
                "two unset ids are not a reused id");
        assertEquals(Map.of("a", "ALREADY_EXISTS@1", "b", "ALREADY_EXISTS@1", "c", "OK@1"),
                summary(arbitration.onUpdate("c", update(1))));
        P4RuntimeException e = assertThrows(P4RuntimeException.class,
                () -> arbitration.checkPrimary(0, Optional.empty()));
        assertEquals(Status.Code.PERMISSION_DENIED, e.code());
    }

    @Test
    void primaryRepeatingItsIdIsAnsweredAlone() {
        arbitration.onUpdate("a", update(10));
        arbitration.onUpdate("b", update(5));
        assertEquals(Map.of("a", "OK@10"), summary(arbitration.onUpdate("a", update(10))));
    }

    @Test
    void streamCannotChangeDeviceOrRole() {
        arbitration.onUpdate("a", update(10));
        assertRejected(arbitration.onUpdate("a", update(10).toBuilder().setDeviceId(2).build()),
                Status.Code.FAILED_PRECONDITION);
        assertRejected(arbitration.onUpdate("a", roleUpdate(3, 10, null)), Status.Code.FAILED_PRECONDITION);
        assertTrue(arbitration.isPrimary("a"));
    }

    @Test
    void rolesAreArbitratedSeparately() {
        arbitration.onUpdate("a", update(10));
        List<Arbitration.Notification<String>> sent = arbitration.onUpdate("r", roleUpdate(7, 2, "cfg1"))
                .notifications();
        assertEquals(1, sent.size());
        assertEquals(7, sent.get(0).update().getRole().getId());
        assertEquals(Status.Code.OK.value(), sent.get(0).update().getStatus().getCode());
        assertTrue(arbitration.isPrimary("a"));
        assertTrue(arbitration.isPrimary("r"));
        arbitration.checkPrimary(7, Optional.of(ElectionId.of(2)));
        assertThrows(P4RuntimeException.class, () -> arbitration.checkPrimary(7, Optional.of(ElectionId.of(10))));
        assertThrows(P4RuntimeException.class, () -> arbitration.checkPrimary(8, Optional.of(ElectionId.of(2))));
        assertEquals(Map.of("r2", "ALREADY_EXISTS@2"), summary(arbitration.onUpdate("r2", roleUpdate(7, 1, null))));
        assertEquals(Map.of("r", "ALREADY_EXISTS@10", "r2", "OK@10"),
                summary(arbitration.onUpdate("r2", roleUpdate(7, 10, null))), "the same id as another role's primary");
        assertTrue(arbitration.isPrimary("a"));
    }

    @Test
    void roleConfigChangeByThePrimaryNotifiesTheRole() {
        arbitration.onUpdate("r", roleUpdate(7, 2, "cfg1"));
        arbitration.onUpdate("s", roleUpdate(7, 1, null));
        Arbitration.Outcome<String> outcome = arbitration.onUpdate("r", roleUpdate(7, 2, "cfg2"));
        assertEquals(Map.of("r", "OK@2", "s", "ALREADY_EXISTS@2"), summary(outcome));
        assertTrue(outcome.notifications().stream().allMatch(n ->
                n.update().getRole().getConfig().equals(Any.pack(StringValue.of("cfg2")))));
        assertEquals(Map.of("r", "OK@2"), summary(arbitration.onUpdate("r", roleUpdate(7, 2, "cfg2"))));
    }

    @Test
    void electionIdsCompareAsUnsigned128BitNumbers() {
        assertTrue(new ElectionId(0, -1).compareTo(new ElectionId(1, 0)) < 0);
        assertTrue(new ElectionId(0, -1).compareTo(new ElectionId(0, Long.MAX_VALUE)) > 0);
        arbitration.onUpdate("a", update(Long.MAX_VALUE));
        MasterArbitrationUpdate huge = update(0).toBuilder()
                .setElectionId(new ElectionId(0, -1).toProto()).build();
        assertEquals(2, arbitration.onUpdate("b", huge).notifications().size());
        assertTrue(arbitration.isPrimary("b"));
    }
}

package org.metrofabric.emulator.onos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.metrofabric.emulator.onos.MetroRules.APP;
import static org.metrofabric.emulator.onos.MetroRules.setNextHop;
import static org.metrofabric.emulator.onos.OnosFixture.LEAF1;
import static org.metrofabric.pipeconf.MetroConstants.ECMP;
import static org.metrofabric.pipeconf.MetroConstants.ECMP_SELECTOR;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.metrofabric.emulator.fabric.Fabric;
import org.onosproject.net.PortNumber;
import org.onosproject.net.flow.DefaultTrafficTreatment;
import org.onosproject.net.group.DefaultGroupBucket;
import org.onosproject.net.group.DefaultGroupDescription;
import org.onosproject.net.group.DefaultGroupKey;
import org.onosproject.net.group.Group;
import org.onosproject.net.group.GroupBuckets;
import org.onosproject.net.group.GroupDescription;
import org.onosproject.net.group.GroupEvent;
import org.onosproject.net.group.GroupKey;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiActionProfileGroup;
import org.onosproject.net.pi.runtime.PiActionProfileMember;
import org.onosproject.net.pi.runtime.PiCloneSessionEntry;
import org.onosproject.net.pi.runtime.PiGroupKey;
import org.onosproject.net.pi.runtime.PiMulticastGroupEntry;
import org.onosproject.net.pi.runtime.PiPreReplica;

class EmbeddedGroupServiceTest {
    private final EmbeddedOnos onos = connect(OnosFixture.fabric());
    private final EmbeddedGroupService groups = onos.groupService();
    private final PiDeviceClient leaf1 = onos.client(LEAF1);
    private final PiAction viaSpine1 = setNextHop(1, "00:bb:00:00:00:01", "00:aa:00:00:00:01");
    private final PiAction viaSpine2 = setNextHop(2, "00:bb:00:00:00:01", "00:aa:00:00:00:02");
    private final GroupKey key = new PiGroupKey(ECMP, ECMP_SELECTOR, 5);

    private List<Integer> memberIds() {
        return leaf1.readMembers(ECMP_SELECTOR).stream().map(m -> m.id().id()).sorted().toList();
    }

    /** How the embedded ONOS reaches the switches; {@link EmbeddedGroupServiceOverP4RuntimeTest} goes over gRPC. */
    EmbeddedOnos connect(Fabric emulated) {
        return OnosFixture.onos(emulated);
    }

    @AfterEach
    void disconnect() {
        onos.close();
    }

    @Test
    void aSelectGroupBecomesMembersWithOnosIdsAndASelectorGroup() {
        List<GroupEvent.Type> events = new ArrayList<>();
        groups.addListener(event -> events.add(event.type()));
        groups.addGroup(MetroRules.uplinkGroup(LEAF1, 5, List.of(viaSpine1, viaSpine2)));
        assertEquals(List.of(Objects.hash(5, 0), Objects.hash(5, 1)).stream().sorted().toList(), memberIds());
        List<PiActionProfileGroup> selectorGroups = leaf1.readGroups(ECMP_SELECTOR);
        assertEquals(1, selectorGroups.size());
        assertEquals(5, selectorGroups.get(0).id().id());
        assertEquals(2, selectorGroups.get(0).members().size());
        assertEquals(List.of(GroupEvent.Type.GROUP_ADDED), events);
        Group group = groups.getGroup(LEAF1, key);
        assertEquals(Group.GroupState.ADDED, group.state());
    }

    @Test
    void entriesThatUseAGroupWorkOnlyOnceTheGroupIsWritten() {
        PiWriteException early = assertThrows(PiWriteException.class,
                () -> onos.flowRuleService().applyFlowRules(MetroRules.ecmpEntry(LEAF1, 1, 5)));
        assertEquals("NOT_FOUND", early.code());
        groups.addGroup(MetroRules.uplinkGroup(LEAF1, 5, List.of(viaSpine1, viaSpine2)));
        onos.flowRuleService().applyFlowRules(MetroRules.ecmpEntry(LEAF1, 1, 5));
        assertEquals(1, leaf1.readTable(ECMP).size());
    }

    @Test
    void bucketChangesRewriteMembersAndGroup() {
        groups.addGroup(MetroRules.uplinkGroup(LEAF1, 5, List.of(viaSpine1, viaSpine2)));
        GroupBuckets onlySpine2 = MetroRules.uplinkGroup(LEAF1, 5, List.of(viaSpine2)).buckets();
        groups.setBucketsForGroup(LEAF1, key, onlySpine2, key, APP);
        assertEquals(List.of(Objects.hash(5, 0)), memberIds());
        PiActionProfileMember member = leaf1.readMembers(ECMP_SELECTOR).get(0);
        assertEquals(MetroRules.describe(viaSpine2), MetroRules.describe(member.action()));
        assertEquals(1, leaf1.readGroups(ECMP_SELECTOR).get(0).members().size());
        groups.addBucketsToGroup(LEAF1, key, MetroRules.uplinkGroup(LEAF1, 5, List.of(viaSpine1)).buckets(), key, APP);
        assertEquals(2, leaf1.readGroups(ECMP_SELECTOR).get(0).members().size());
        assertEquals(2, groups.getGroup(LEAF1, key).buckets().buckets().size());
    }

    @Test
    void removingAGroupDeletesGroupThenMembers() {
        groups.addGroup(MetroRules.uplinkGroup(LEAF1, 5, List.of(viaSpine1, viaSpine2)));
        groups.removeGroup(LEAF1, key, APP);
        assertTrue(leaf1.readGroups(ECMP_SELECTOR).isEmpty());
        assertTrue(memberIds().isEmpty());
        assertNull(groups.getGroup(LEAF1, key));
    }

    @Test
    void aGroupStillUsedByAnEntryCannotBeRemovedAndStays() {
        groups.addGroup(MetroRules.uplinkGroup(LEAF1, 5, List.of(viaSpine1, viaSpine2)));
        onos.flowRuleService().applyFlowRules(MetroRules.ecmpEntry(LEAF1, 1, 5));
        assertThrows(PiWriteException.class, () -> groups.removeGroup(LEAF1, key, APP));
        assertEquals(1, leaf1.readGroups(ECMP_SELECTOR).size());
        assertEquals(2, memberIds().size());
        assertEquals(5, groups.getGroup(LEAF1, key).id().id());
    }

    @Test
    void aGroupWithoutAPiGroupKeyIsRejectedAndNothingIsWritten() {
        GroupDescription plain = new DefaultGroupDescription(LEAF1, GroupDescription.Type.SELECT,
                MetroRules.uplinkGroup(LEAF1, 5, List.of(viaSpine1)).buckets(),
                new DefaultGroupKey(new byte[] {5}), 5, APP);
        String error = assertThrows(PiTranslationException.class, () -> groups.addGroup(plain)).getMessage();
        assertTrue(error.contains("must be a PiGroupKey"), error);
        assertTrue(memberIds().isEmpty());
        assertTrue(leaf1.readGroups(ECMP_SELECTOR).isEmpty());
    }

    @Test
    void aBucketActionTheTableDoesNotAllowIsRejected() {
        PiAction viaUplinks = MetroRules.viaUplinks(1);
        String error = assertThrows(PiTranslationException.class, () -> groups.addGroup(
                MetroRules.uplinkGroup(LEAF1, 5, List.of(viaSpine1, viaUplinks)))).getMessage();
        assertTrue(error.contains("bucket 1") && error.contains("is not an action of the table"), error);
        assertTrue(memberIds().isEmpty());
    }

    private static GroupBuckets outputs(GroupDescription.Type type, long... ports) {
        List<org.onosproject.net.group.GroupBucket> buckets = new ArrayList<>();
        for (long port : ports) {
            var treatment = DefaultTrafficTreatment.builder().setOutput(PortNumber.portNumber(port)).build();
            buckets.add(type == GroupDescription.Type.ALL ? DefaultGroupBucket.createAllGroupBucket(treatment)
                    : DefaultGroupBucket.createCloneGroupBucket(treatment));
        }
        return new GroupBuckets(buckets);
    }

    @Test
    void allGroupsBecomeMulticastGroupsAndCloneGroupsCloneSessions() {
        groups.addGroup(new DefaultGroupDescription(LEAF1, GroupDescription.Type.ALL,
                outputs(GroupDescription.Type.ALL, 3, 4), new DefaultGroupKey(new byte[] {1}), 10, APP));
        groups.addGroup(new DefaultGroupDescription(LEAF1, GroupDescription.Type.CLONE,
                outputs(GroupDescription.Type.CLONE, 4), new DefaultGroupKey(new byte[] {2}), 11, APP));
        List<PiMulticastGroupEntry> multicast = leaf1.readMulticastGroups();
        assertEquals(1, multicast.size());
        assertEquals(10, multicast.get(0).groupId());
        assertEquals(List.of(3L, 4L), multicast.get(0).replicas().stream()
                .map(PiPreReplica::egressPort).map(PortNumber::toLong).sorted().toList());
        List<PiCloneSessionEntry> sessions = leaf1.readCloneSessions();
        assertEquals(1, sessions.size());
        assertEquals(11, sessions.get(0).sessionId());
        assertEquals(1, sessions.get(0).replicas().size());
    }
}

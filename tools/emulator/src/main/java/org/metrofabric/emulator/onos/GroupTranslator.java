package org.metrofabric.emulator.onos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.onosproject.net.PortNumber;
import org.onosproject.net.flow.instructions.Instruction;
import org.onosproject.net.flow.instructions.Instructions.OutputInstruction;
import org.onosproject.net.flow.instructions.PiInstruction;
import org.onosproject.net.group.Group;
import org.onosproject.net.group.GroupBucket;
import org.onosproject.net.pi.model.PiActionProfileModel;
import org.onosproject.net.pi.model.PiPipelineModel;
import org.onosproject.net.pi.model.PiTableModel;
import org.onosproject.net.pi.runtime.PiAction;
import org.onosproject.net.pi.runtime.PiActionProfileGroup;
import org.onosproject.net.pi.runtime.PiActionProfileGroupId;
import org.onosproject.net.pi.runtime.PiActionProfileMember;
import org.onosproject.net.pi.runtime.PiActionProfileMemberId;
import org.onosproject.net.pi.runtime.PiCloneSessionEntry;
import org.onosproject.net.pi.runtime.PiEntity;
import org.onosproject.net.pi.runtime.PiGroupKey;
import org.onosproject.net.pi.runtime.PiMulticastGroupEntry;
import org.onosproject.net.pi.runtime.PiPreReplica;
import org.onosproject.net.pi.runtime.PiTableAction;

/**
 * Turns an ONOS group into PI entities as ONOS 2.7 does. SELECT and INDIRECT groups need a
 * {@link PiGroupKey} app cookie naming the table and action profile; each bucket is a member with
 * id {@code Objects.hash(groupId, bucketIndex)} whose action is the bucket's one PI action, and the
 * group lists the members with the buckets' weights (INDIRECT groups hold one member). ALL groups
 * become multicast groups and CLONE groups clone sessions, one replica per OUTPUT port of each bucket.
 */
public final class GroupTranslator {
    private final PiPipelineModel model;

    public GroupTranslator(PiPipelineModel model) {
        this.model = model;
    }

    /** What one group is on the device: action profile members (maybe none) and the group entity. */
    public record Translation(List<PiActionProfileMember> members, PiEntity group) {
        public Translation {
            members = List.copyOf(members);
        }
    }

    public Translation translate(Group group) {
        String context = group.type() + " group " + group.id() + " on " + group.deviceId();
        switch (group.type()) {
            case SELECT:
            case INDIRECT:
                return actionProfileGroup(group, context);
            case ALL:
                return new Translation(List.of(), PiMulticastGroupEntry.builder()
                        .withGroupId(group.id().id()).addReplicas(replicas(group, context)).build());
            case CLONE:
                return new Translation(List.of(), PiCloneSessionEntry.builder()
                        .withSessionId(group.id().id()).addReplicas(replicas(group, context)).build());
            default:
                throw new PiTranslationException(context + ": group type " + group.type() + " is not supported");
        }
    }

    /** The member id ONOS gives bucket {@code bucketIndex} of group {@code groupId}. */
    public static int memberId(int groupId, int bucketIndex) {
        return Objects.hash(groupId, bucketIndex);
    }

    private Translation actionProfileGroup(Group group, String context) {
        if (!(group.appCookie() instanceof PiGroupKey)) {
            throw new PiTranslationException(context + ": the app cookie must be a PiGroupKey naming the "
                    + "table and action profile, got " + group.appCookie());
        }
        PiGroupKey key = (PiGroupKey) group.appCookie();
        PiActionProfileModel profile = model.actionProfiles(key.actionProfileId()).orElseThrow(() ->
                new PiTranslationException(context + ": the pipeline has no action profile " + key.actionProfileId()));
        PiTableModel table = model.table(key.tableId()).orElseThrow(() ->
                new PiTranslationException(context + ": the pipeline has no table " + key.tableId()));
        if (!profile.tables().contains(key.tableId())) {
            throw new PiTranslationException(context + ": action profile " + profile.id()
                    + " does not implement table " + key.tableId());
        }
        List<GroupBucket> buckets = group.buckets().buckets();
        if (group.type() == org.onosproject.net.group.GroupDescription.Type.INDIRECT && buckets.size() != 1) {
            throw new PiTranslationException(context + ": an INDIRECT group has exactly one bucket, got "
                    + buckets.size());
        }
        if (group.type() == org.onosproject.net.group.GroupDescription.Type.SELECT && !profile.hasSelector()) {
            throw new PiTranslationException(context + ": action profile " + profile.id() + " has no selector");
        }
        int groupId = group.id().id();
        List<PiActionProfileMember> members = new ArrayList<>();
        PiActionProfileGroup.Builder piGroup = PiActionProfileGroup.builder()
                .withId(PiActionProfileGroupId.of(groupId))
                .withActionProfileId(profile.id())
                .withMaxSize(group.type() == org.onosproject.net.group.GroupDescription.Type.INDIRECT
                        ? 1 : Math.max(profile.maxGroupSize(), buckets.size()));
        for (int i = 0; i < buckets.size(); i++) {
            GroupBucket bucket = buckets.get(i);
            PiAction action = bucketAction(bucket, table, context + " bucket " + i);
            PiActionProfileMember member = PiActionProfileMember.builder()
                    .forActionProfile(profile.id())
                    .withId(PiActionProfileMemberId.of(memberId(groupId, i)))
                    .withAction(action)
                    .build();
            members.add(member);
            piGroup.addMember(member, Math.max(1, bucket.weight()));
        }
        return new Translation(members, piGroup.build());
    }

    private static PiAction bucketAction(GroupBucket bucket, PiTableModel table, String context) {
        PiTableAction action = null;
        for (Instruction instruction : bucket.treatment().allInstructions()) {
            if (instruction.type() == Instruction.Type.NOACTION) {
                continue;
            }
            if (!(instruction instanceof PiInstruction) || action != null) {
                throw new PiTranslationException(context + ": the treatment must be exactly one PI action, got "
                        + bucket.treatment().allInstructions());
            }
            action = ((PiInstruction) instruction).action();
        }
        if (!(action instanceof PiAction)) {
            throw new PiTranslationException(context + ": the treatment needs a PiAction, got " + action);
        }
        FlowRuleTranslator.checkAction((PiAction) action, table, context);
        return (PiAction) action;
    }

    private static List<PiPreReplica> replicas(Group group, String context) {
        List<PiPreReplica> replicas = new ArrayList<>();
        Map<PortNumber, Integer> instances = new HashMap<>();
        for (GroupBucket bucket : group.buckets().buckets()) {
            for (Instruction instruction : bucket.treatment().allInstructions()) {
                if (instruction.type() == Instruction.Type.NOACTION) {
                    continue;
                }
                if (instruction.type() != Instruction.Type.OUTPUT) {
                    throw new PiTranslationException(context + ": replication buckets may only OUTPUT, got "
                            + instruction);
                }
                PortNumber port = ((OutputInstruction) instruction).port();
                if (port.isLogical()) {
                    throw new PiTranslationException(context + ": cannot replicate to logical port " + port);
                }
                int instance = instances.merge(port, 1, Integer::sum) - 1;
                replicas.add(new PiPreReplica(port, instance));
            }
        }
        if (replicas.isEmpty()) {
            throw new PiTranslationException(context + ": no bucket outputs to a port");
        }
        return replicas;
    }
}

package org.metrofabric.p4runtime.codec;

import org.onosproject.net.pi.model.PiActionProfileId;
import org.onosproject.net.pi.runtime.PiActionProfileGroup;
import org.onosproject.net.pi.runtime.PiActionProfileGroupId;
import org.onosproject.net.pi.runtime.PiActionProfileMember;
import org.onosproject.net.pi.runtime.PiActionProfileMemberId;
import p4.config.v1.P4InfoOuterClass.ActionProfile;
import p4.v1.P4RuntimeOuterClass.ActionProfileGroup;
import p4.v1.P4RuntimeOuterClass.ActionProfileMember;

import java.util.HashSet;
import java.util.Set;

/**
 * Action profile members and groups between PI and P4Runtime. A member's action must be an
 * action of a table the profile implements; groups need a profile with a selector, distinct
 * members and weights of at least 1.
 */
final class ActionProfileCodec {

    private final P4InfoIndex p4Info;
    private final ActionCodec actions;

    ActionProfileCodec(P4InfoIndex p4Info, ActionCodec actions) {
        this.p4Info = p4Info;
        this.actions = actions;
    }

    ActionProfileMember encodeMember(PiActionProfileMember member) {
        ActionProfile profile = p4Info.actionProfile(member.actionProfile().id());
        String what = describe(profile) + " member " + member.id().id();
        if (member.action() == null) {
            throw P4RuntimeException.invalidArgument("%s has no action", what);
        }
        checkActionOfProfile(profile, member.action().id().id(), what);
        return ActionProfileMember.newBuilder()
                .setActionProfileId(profile.getPreamble().getId())
                .setMemberId(member.id().id())
                .setAction(actions.encode(member.action(), what))
                .build();
    }

    PiActionProfileMember decodeMember(ActionProfileMember member) {
        ActionProfile profile = p4Info.actionProfile(member.getActionProfileId());
        String what = describe(profile) + " member " + member.getMemberId();
        if (!member.hasAction()) {
            throw P4RuntimeException.invalidArgument("%s has no action", what);
        }
        checkActionOfProfile(profile, p4Info.action(member.getAction().getActionId()).name(), what);
        return PiActionProfileMember.builder()
                .forActionProfile(PiActionProfileId.of(profile.getPreamble().getName()))
                .withId(PiActionProfileMemberId.of(member.getMemberId()))
                .withAction(actions.decode(member.getAction(), what))
                .build();
    }

    ActionProfileGroup encodeGroup(PiActionProfileGroup group) {
        ActionProfile profile = p4Info.actionProfile(group.actionProfile().id());
        ActionProfileGroup.Builder out = ActionProfileGroup.newBuilder()
                .setActionProfileId(profile.getPreamble().getId())
                .setGroupId(group.id().id())
                .setMaxSize(group.maxSize());
        for (PiActionProfileGroup.WeightedMember member : group.members()) {
            out.addMembers(ActionProfileGroup.Member.newBuilder()
                    .setMemberId(member.id().id())
                    .setWeight(member.weight()));
        }
        ActionProfileGroup encoded = out.build();
        checkGroup(profile, encoded);
        return encoded;
    }

    PiActionProfileGroup decodeGroup(ActionProfileGroup group) {
        ActionProfile profile = p4Info.actionProfile(group.getActionProfileId());
        checkGroup(profile, group);
        PiActionProfileGroup.Builder out = PiActionProfileGroup.builder()
                .withActionProfileId(PiActionProfileId.of(profile.getPreamble().getName()))
                .withId(PiActionProfileGroupId.of(group.getGroupId()))
                .withMaxSize(group.getMaxSize());
        for (ActionProfileGroup.Member member : group.getMembersList()) {
            out.addMember(PiActionProfileMemberId.of(member.getMemberId()), member.getWeight());
        }
        return out.build();
    }

    private void checkGroup(ActionProfile profile, ActionProfileGroup group) {
        String what = describe(profile) + " group " + group.getGroupId();
        if (!profile.getWithSelector()) {
            throw P4RuntimeException.invalidArgument("%s: the profile has no selector, so it has no groups", what);
        }
        if (group.getMaxSize() < 0) {
            throw P4RuntimeException.invalidArgument("%s: max_size %d is negative", what, group.getMaxSize());
        }
        Set<Integer> seen = new HashSet<>();
        for (ActionProfileGroup.Member member : group.getMembersList()) {
            if (!seen.add(member.getMemberId())) {
                throw P4RuntimeException.invalidArgument("%s: member %d is listed twice", what,
                        member.getMemberId());
            }
            if (member.getWeight() < 1) {
                throw P4RuntimeException.invalidArgument("%s: member %d has weight %d, below 1", what,
                        member.getMemberId(), member.getWeight());
            }
        }
    }

    private void checkActionOfProfile(ActionProfile profile, String actionName, String what) {
        int actionId = p4Info.action(actionName).id();
        for (int tableId : profile.getTableIdsList()) {
            TableInfo table = p4Info.table(tableId);
            if (table.proto().getActionRefsList().stream().anyMatch(ref -> ref.getId() == actionId)) {
                return;
            }
        }
        throw P4RuntimeException.invalidArgument("%s: action '%s' is not an action of the tables that use "
                + "the profile", what, actionName);
    }

    private static String describe(ActionProfile profile) {
        return "action profile '" + profile.getPreamble().getName() + "'";
    }
}

package org.metrofabric.p4sim.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * An action profile (members) or action selector (members and groups), as BMv2 keeps it: every member gets
 * an internal handle when created, the lowest free handle first; a group's members are ordered by handle,
 * and a selector picks member (H mod n) of that order, H being the selector-field hash cut to 32 bits.
 */
public final class ActionProfile {
    private final String name;
    private final boolean withSelector;
    private final String algorithm;
    private final int size;
    private final Map<Integer, Member> members = new LinkedHashMap<>();
    private final Map<Integer, Group> groups = new LinkedHashMap<>();
    private final NavigableSet<Integer> freedHandles = new TreeSet<>();
    private int nextHandle;

    /** {@code algorithm} is the selector's hash ({@link Hashes}); null for a plain action profile. */
    public ActionProfile(String name, boolean withSelector, String algorithm, int size) {
        if (withSelector && !Hashes.isKnown(algorithm)) {
            throw new IllegalArgumentException("action selector " + name + ": unknown hash algorithm '"
                    + algorithm + "'");
        }
        this.name = name;
        this.withSelector = withSelector;
        this.algorithm = algorithm;
        this.size = size;
    }

    public String name() {
        return name;
    }

    public boolean withSelector() {
        return withSelector;
    }

    public String algorithm() {
        return algorithm;
    }

    public int size() {
        return size;
    }

    public synchronized boolean hasMember(int memberId) {
        return members.containsKey(memberId);
    }

    public synchronized boolean hasGroup(int groupId) {
        return groups.containsKey(groupId);
    }

    /** The member's action, or null. */
    public synchronized ActionCall member(int memberId) {
        Member member = members.get(memberId);
        return member == null ? null : member.action;
    }

    /** Member ids in creation order. */
    public synchronized List<Integer> memberIds() {
        return List.copyOf(members.keySet());
    }

    public synchronized List<Integer> groupIds() {
        return List.copyOf(groups.keySet());
    }

    /** The group's member ids ordered by internal handle (the order selection uses), or null. */
    public synchronized List<Integer> groupMembers(int groupId) {
        Group group = groups.get(groupId);
        return group == null ? null : group.orderedMemberIds();
    }

    public synchronized int memberCount() {
        return members.size();
    }

    public synchronized void addMember(int memberId, ActionCall action) {
        if (members.containsKey(memberId)) {
            throw new IllegalStateException(name + ": member " + memberId + " exists");
        }
        Integer handle = freedHandles.pollFirst();
        members.put(memberId, new Member(handle != null ? handle : nextHandle++, action));
    }

    public synchronized void modifyMember(int memberId, ActionCall action) {
        requireMember(memberId).action = action;
    }

    public synchronized void removeMember(int memberId) {
        Member removed = requireMember(memberId);
        for (Group group : groups.values()) {
            if (group.members.contains(removed)) {
                throw new IllegalStateException(name + ": member " + memberId + " is in a group");
            }
        }
        members.remove(memberId);
        freedHandles.add(removed.handle);
    }

    /** Groups that contain the member. */
    public synchronized List<Integer> groupsContaining(int memberId) {
        Member member = members.get(memberId);
        List<Integer> result = new ArrayList<>();
        groups.forEach((id, group) -> {
            if (group.members.contains(member)) {
                result.add(id);
            }
        });
        return result;
    }

    public synchronized void addGroup(int groupId, List<Integer> memberIds) {
        if (groups.containsKey(groupId)) {
            throw new IllegalStateException(name + ": group " + groupId + " exists");
        }
        Group group = new Group();
        group.setMembers(resolve(memberIds));
        groups.put(groupId, group);
    }

    /** The group's members become exactly {@code memberIds}. */
    public synchronized void setGroupMembers(int groupId, List<Integer> memberIds) {
        Group group = groups.get(groupId);
        if (group == null) {
            throw new IllegalStateException(name + ": no group " + groupId);
        }
        group.setMembers(resolve(memberIds));
    }

    public synchronized void removeGroup(int groupId) {
        if (groups.remove(groupId) == null) {
            throw new IllegalStateException(name + ": no group " + groupId);
        }
    }

    /**
     * The action of the member a selector picks for a flow; {@code packedSelector} is the packed selector
     * key ({@link BitWriter}). Null when the group is empty or unknown.
     */
    public synchronized ActionCall select(int groupId, byte[] packedSelector) {
        Group group = groups.get(groupId);
        if (group == null || group.members.isEmpty()) {
            return null;
        }
        long hash = Hashes.computeLong(algorithm, packedSelector) & 0xffffffffL;
        Member chosen = group.members.get((int) (hash % group.members.size()));
        return chosen.action;
    }

    private List<Member> resolve(List<Integer> memberIds) {
        List<Member> resolved = new ArrayList<>(memberIds.size());
        for (int memberId : memberIds) {
            resolved.add(requireMember(memberId));
        }
        return resolved;
    }

    private Member requireMember(int memberId) {
        Member member = members.get(memberId);
        if (member == null) {
            throw new IllegalStateException(name + ": no member " + memberId);
        }
        return member;
    }

    private static final class Member {
        private final int handle;
        private ActionCall action;

        Member(int handle, ActionCall action) {
            this.handle = handle;
            this.action = action;
        }
    }

    private final class Group {
        private List<Member> members = List.of();

        void setMembers(List<Member> newMembers) {
            List<Member> sorted = new ArrayList<>(Set.copyOf(newMembers));
            sorted.sort(Comparator.comparingInt(m -> m.handle));
            members = List.copyOf(sorted);
        }

        List<Integer> orderedMemberIds() {
            Map<Member, Integer> idByMember = new HashMap<>();
            ActionProfile.this.members.forEach((id, member) -> idByMember.put(member, id));
            return members.stream().map(idByMember::get).toList();
        }
    }
}

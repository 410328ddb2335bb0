package org.metrofabric.emulator.onos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onosproject.core.ApplicationId;
import org.onosproject.core.GroupId;
import org.onosproject.net.DeviceId;
import org.onosproject.net.group.DefaultGroup;
import org.onosproject.net.group.DefaultGroupDescription;
import org.onosproject.net.group.Group;
import org.onosproject.net.group.GroupBucket;
import org.onosproject.net.group.GroupBuckets;
import org.onosproject.net.group.GroupDescription;
import org.onosproject.net.group.GroupEvent;
import org.onosproject.net.group.GroupKey;
import org.onosproject.net.group.GroupListener;
import org.onosproject.net.group.GroupServiceAdapter;
import org.onosproject.net.pi.runtime.PiActionProfileMember;

/**
 * GroupService over PI devices ({@link GroupTranslator} says what a group becomes). Every call is
 * all-or-nothing and synchronous: a group is on the switch (members first, then the group) when
 * {@code addGroup} returns and GROUP_ADDED has been raised, so entries that point at it can follow.
 * Bucket changes write new members, then the group, then delete members no longer used.
 * A group that cannot be translated throws {@link PiTranslationException}; one the switch rejects
 * throws {@link PiWriteException}; in both cases nothing changes.
 */
public final class EmbeddedGroupService extends GroupServiceAdapter {
    private final Map<DeviceId, PiDeviceClient> clients;
    private final GroupTranslator translator;
    private final Map<DeviceId, Map<GroupKey, Group>> groups = new HashMap<>();
    private final StrictListenerRegistry<GroupEvent, GroupListener> listeners = new StrictListenerRegistry<>();

    public EmbeddedGroupService(Map<DeviceId, PiDeviceClient> clients, GroupTranslator translator) {
        this.clients = clients;
        this.translator = translator;
    }

    @Override
    public void addGroup(GroupDescription description) {
        Group group;
        synchronized (this) {
            Map<GroupKey, Group> deviceGroups = deviceGroups(description.deviceId());
            if (deviceGroups.containsKey(description.appCookie())) {
                throw new IllegalArgumentException("device " + description.deviceId() + " already has a group with key "
                        + description.appCookie());
            }
            int id = description.givenGroupId() != null ? description.givenGroupId() : freeId(deviceGroups);
            if (deviceGroups.values().stream().anyMatch(g -> g.id().id() == id)) {
                throw new IllegalArgumentException("device " + description.deviceId() + " already has group id " + id);
            }
            group = added(new DefaultGroup(GroupId.valueOf(id), description));
            GroupTranslator.Translation translation = translator.translate(group);
            PiDeviceClient client = client(description.deviceId());
            PiTransaction transaction = new PiTransaction();
            for (PiActionProfileMember member : translation.members()) {
                transaction.add(client, PiUpdate.insert(member), PiUpdate.delete(member));
            }
            transaction.add(client, PiUpdate.insert(translation.group()), PiUpdate.delete(translation.group()));
            transaction.commit();
            deviceGroups.put(description.appCookie(), group);
        }
        listeners.process(new GroupEvent(GroupEvent.Type.GROUP_ADDED, group));
    }

    private static int freeId(Map<GroupKey, Group> deviceGroups) {
        int id = 1;
        while (true) {
            int candidate = id;
            if (deviceGroups.values().stream().noneMatch(g -> g.id().id() == candidate)) {
                return candidate;
            }
            id++;
        }
    }

    private static DefaultGroup added(DefaultGroup group) {
        group.setState(Group.GroupState.ADDED);
        return group;
    }

    @Override
    public void addBucketsToGroup(DeviceId deviceId, GroupKey oldCookie, GroupBuckets buckets, GroupKey newCookie,
                                  ApplicationId appId) {
        Group old = requireGroup(deviceId, oldCookie);
        List<GroupBucket> merged = new ArrayList<>(old.buckets().buckets());
        buckets.buckets().stream().filter(b -> !merged.contains(b)).forEach(merged::add);
        replaceBuckets(old, new GroupBuckets(merged), newCookie);
    }

    @Override
    public void removeBucketsFromGroup(DeviceId deviceId, GroupKey oldCookie, GroupBuckets buckets,
                                       GroupKey newCookie, ApplicationId appId) {
        Group old = requireGroup(deviceId, oldCookie);
        List<GroupBucket> kept = new ArrayList<>(old.buckets().buckets());
        kept.removeAll(buckets.buckets());
        replaceBuckets(old, new GroupBuckets(kept), newCookie);
    }

    @Override
    public void setBucketsForGroup(DeviceId deviceId, GroupKey oldCookie, GroupBuckets buckets, GroupKey newCookie,
                                   ApplicationId appId) {
        replaceBuckets(requireGroup(deviceId, oldCookie), buckets, newCookie);
    }

    private void replaceBuckets(Group old, GroupBuckets buckets, GroupKey newCookie) {
        Group updated;
        synchronized (this) {
            GroupKey cookie = newCookie != null ? newCookie : old.appCookie();
            updated = added(new DefaultGroup(old.id(), new DefaultGroupDescription(old.deviceId(), old.type(),
                    buckets, cookie, old.id().id(), old.appId())));
            GroupTranslator.Translation before = translator.translate(old);
            GroupTranslator.Translation after = translator.translate(updated);
            PiDeviceClient client = client(old.deviceId());
            PiTransaction transaction = new PiTransaction();
            List<PiActionProfileMember> oldMembers = before.members();
            List<PiActionProfileMember> newMembers = after.members();
            for (int i = 0; i < newMembers.size(); i++) {
                PiActionProfileMember member = newMembers.get(i);
                if (i >= oldMembers.size()) {
                    transaction.add(client, PiUpdate.insert(member), PiUpdate.delete(member));
                } else if (!oldMembers.get(i).equals(member)) {
                    transaction.add(client, PiUpdate.modify(member), PiUpdate.modify(oldMembers.get(i)));
                }
            }
            transaction.add(client, PiUpdate.modify(after.group()), PiUpdate.modify(before.group()));
            for (int i = newMembers.size(); i < oldMembers.size(); i++) {
                transaction.add(client, PiUpdate.delete(oldMembers.get(i)), PiUpdate.insert(oldMembers.get(i)));
            }
            transaction.commit();
            Map<GroupKey, Group> deviceGroups = deviceGroups(old.deviceId());
            deviceGroups.remove(old.appCookie());
            deviceGroups.put(cookie, updated);
        }
        listeners.process(new GroupEvent(GroupEvent.Type.GROUP_UPDATED, updated));
    }

    @Override
    public void removeGroup(DeviceId deviceId, GroupKey appCookie, ApplicationId appId) {
        Group group;
        synchronized (this) {
            group = requireGroup(deviceId, appCookie);
            GroupTranslator.Translation translation = translator.translate(group);
            PiDeviceClient client = client(deviceId);
            PiTransaction transaction = new PiTransaction();
            transaction.add(client, PiUpdate.delete(translation.group()), PiUpdate.insert(translation.group()));
            for (PiActionProfileMember member : translation.members()) {
                transaction.add(client, PiUpdate.delete(member), PiUpdate.insert(member));
            }
            transaction.commit();
            deviceGroups(deviceId).remove(appCookie);
        }
        listeners.process(new GroupEvent(GroupEvent.Type.GROUP_REMOVED, group));
    }

    @Override
    public void purgeGroupEntries(DeviceId deviceId) {
        List<Group> all;
        synchronized (this) {
            all = new ArrayList<>(deviceGroups(deviceId).values());
        }
        for (Group group : all) {
            removeGroup(deviceId, group.appCookie(), group.appId());
        }
    }

    @Override
    public synchronized Group getGroup(DeviceId deviceId, GroupKey appCookie) {
        return deviceGroups(deviceId).get(appCookie);
    }

    @Override
    public synchronized Iterable<Group> getGroups(DeviceId deviceId) {
        return List.copyOf(deviceGroups(deviceId).values());
    }

    @Override
    public synchronized Iterable<Group> getGroups(DeviceId deviceId, ApplicationId appId) {
        return deviceGroups(deviceId).values().stream().filter(g -> appId.equals(g.appId())).toList();
    }

    private synchronized Group requireGroup(DeviceId deviceId, GroupKey appCookie) {
        Group group = deviceGroups(deviceId).get(appCookie);
        if (group == null) {
            throw new IllegalArgumentException("device " + deviceId + " has no group with key " + appCookie);
        }
        return group;
    }

    private Map<GroupKey, Group> deviceGroups(DeviceId deviceId) {
        return groups.computeIfAbsent(deviceId, d -> new LinkedHashMap<>());
    }

    private PiDeviceClient client(DeviceId deviceId) {
        PiDeviceClient client = clients.get(deviceId);
        if (client == null) {
            throw new IllegalArgumentException("no device " + deviceId + " to write groups to");
        }
        return client;
    }

    @Override
    public void addListener(GroupListener listener) {
        listeners.addListener(listener);
    }

    @Override
    public void removeListener(GroupListener listener) {
        listeners.removeListener(listener);
    }
}

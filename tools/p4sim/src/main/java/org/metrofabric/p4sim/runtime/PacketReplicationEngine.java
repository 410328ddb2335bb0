package org.metrofabric.p4sim.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Multicast groups and clone sessions. A multicast group is stored as BMv2 builds it from P4Runtime
 * replicas: one L1 node per replica id in order of first appearance, each node holding its ports;
 * copies come node by node, ports ascending within a node.
 */
public final class PacketReplicationEngine {
    public static final int MAX_CLONE_SESSION = 32767;

    private final Map<Integer, List<Replica>> multicastGroups = new ConcurrentHashMap<>();
    private final Map<Integer, List<Replica>> configuredReplicas = new ConcurrentHashMap<>();
    private final Map<Integer, CloneSession> cloneSessions = new ConcurrentHashMap<>();

    /** The copies of a group in BMv2 order; empty for an unknown or empty group. */
    public List<Replica> multicastGroup(int groupId) {
        return multicastGroups.getOrDefault(groupId, List.of());
    }

    /** Whether the group exists (possibly empty). */
    public boolean hasMulticastGroup(int groupId) {
        return multicastGroups.containsKey(groupId);
    }

    /** The replicas as they were configured, in configuration order; null for an unknown group. */
    public List<Replica> configuredMulticastGroup(int groupId) {
        return configuredReplicas.get(groupId);
    }

    public Map<Integer, List<Replica>> configuredMulticastGroups() {
        return Map.copyOf(configuredReplicas);
    }

    /** Creates or replaces a group. */
    public void setMulticastGroup(int groupId, List<Replica> replicas) {
        configuredReplicas.put(groupId, List.copyOf(replicas));
        multicastGroups.put(groupId, bmv2Order(replicas));
    }

    public void removeMulticastGroup(int groupId) {
        multicastGroups.remove(groupId);
        configuredReplicas.remove(groupId);
    }

    public Optional<CloneSession> cloneSession(int sessionId) {
        return Optional.ofNullable(cloneSessions.get(sessionId));
    }

    public Map<Integer, CloneSession> cloneSessions() {
        return Map.copyOf(cloneSessions);
    }

    public void setCloneSession(CloneSession session) {
        cloneSessions.put(session.sessionId(), session);
    }

    public void removeCloneSession(int sessionId) {
        cloneSessions.remove(sessionId);
    }

    private static List<Replica> bmv2Order(List<Replica> replicas) {
        Map<Integer, List<Replica>> nodesByRid = new LinkedHashMap<>();
        for (Replica replica : replicas) {
            nodesByRid.computeIfAbsent(replica.rid(), rid -> new ArrayList<>()).add(replica);
        }
        List<Replica> ordered = new ArrayList<>(replicas.size());
        for (List<Replica> node : nodesByRid.values()) {
            node.sort(Comparator.comparingInt(Replica::port));
            ordered.addAll(node);
        }
        return List.copyOf(ordered);
    }
}

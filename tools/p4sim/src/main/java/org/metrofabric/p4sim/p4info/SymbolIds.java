package org.metrofabric.p4sim.p4info;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.metrofabric.p4sim.frontend.P4CompileException;
import org.metrofabric.p4sim.ir.SourceLocation;
import p4.config.v1.P4InfoOuterClass.P4Ids;

/**
 * P4Runtime ids of top-level P4Info objects, allocated as p4c does: {@code (prefix << 24) | suffix} where
 * the suffix is the Jenkins one-at-a-time hash of the fully qualified name, truncated to 24 bits. Ids
 * written with {@code @id} are reserved first; on a collision the hash is incremented until the id is
 * free, taking names in sorted order so the outcome does not depend on declaration order.
 */
final class SymbolIds {
    private final Map<P4Ids.Prefix, Map<String, Integer>> byKind = new HashMap<>();
    private final Set<Integer> taken = new HashSet<>();
    private boolean assigned;

    /** Jenkins one-at-a-time hash over the UTF-8 bytes of {@code name}. */
    static int jenkinsOneAtATime(String name) {
        int hash = 0;
        for (byte b : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            hash += b & 0xff;
            hash += hash << 10;
            hash ^= hash >>> 6;
        }
        hash += hash << 3;
        hash ^= hash >>> 11;
        hash += hash << 15;
        return hash;
    }

    /**
     * Declares a symbol; a second declaration of the same kind and name is the same symbol.
     *
     * @param userId the value of its {@code @id} annotation, or null
     */
    void declare(P4Ids.Prefix kind, String name, Long userId, SourceLocation location) {
        if (assigned) {
            throw new IllegalStateException("ids already assigned; cannot declare " + name);
        }
        Map<String, Integer> names = byKind.computeIfAbsent(kind, k -> new HashMap<>());
        if (names.containsKey(name)) {
            return;
        }
        names.put(name, userId == null ? null : reserve(kind, name, userId, location));
    }

    private int reserve(P4Ids.Prefix kind, String name, long userId, SourceLocation location) {
        if (userId <= 0 || userId > 0xffffffffL) {
            throw new P4CompileException(location, "@id of '" + name + "' must be an unsigned 32-bit value > 0");
        }
        long prefix = (long) kind.getNumber() << 24;
        long top = userId & 0xff000000L;
        if (top != 0 && top != prefix) {
            throw new P4CompileException(location, "@id of '" + name + "' has the wrong 8-bit prefix 0x"
                    + Long.toHexString(top >>> 24) + " (a " + kind + " id starts with 0x"
                    + Integer.toHexString(kind.getNumber()) + ")");
        }
        int id = (int) (userId | prefix);
        if (!taken.add(id)) {
            throw new P4CompileException(location, "@id " + Integer.toUnsignedString(id)
                    + " of '" + name + "' is already assigned to another declaration");
        }
        return id;
    }

    /** Gives every declared symbol without an {@code @id} its hashed id. */
    void assign() {
        assigned = true;
        for (Map.Entry<P4Ids.Prefix, Map<String, Integer>> kind : byKind.entrySet()) {
            int prefix = kind.getKey().getNumber() << 24;
            // TreeMap: String order is the byte order p4c's sorted std::map gives for ASCII names.
            Map<String, Integer> sorted = new TreeMap<>(kind.getValue());
            for (Map.Entry<String, Integer> symbol : sorted.entrySet()) {
                if (symbol.getValue() != null) {
                    continue;
                }
                int start = jenkinsOneAtATime(symbol.getKey());
                int value = start;
                while (taken.contains(prefix | (value & 0xffffff))) {
                    value++;
                    if (value == start) {
                        throw new IllegalStateException("no free " + kind.getKey() + " id for " + symbol.getKey());
                    }
                }
                int id = prefix | (value & 0xffffff);
                taken.add(id);
                kind.getValue().put(symbol.getKey(), id);
            }
        }
    }

    /** The id of a declared symbol; {@link #assign()} must have run. */
    int id(P4Ids.Prefix kind, String name) {
        if (!assigned) {
            throw new IllegalStateException("ids not assigned yet");
        }
        Integer id = byKind.getOrDefault(kind, Map.of()).get(name);
        if (id == null) {
            throw new IllegalArgumentException("no " + kind + " called '" + name + "' was declared");
        }
        return id;
    }
}

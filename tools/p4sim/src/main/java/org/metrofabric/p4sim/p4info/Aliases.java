package org.metrofabric.p4sim.p4info;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * P4Info aliases as p4c computes them: the shortest dot-separated suffix of a fully qualified name that
 * no other control-plane name (of any kind) shares. Names are kept in a tree of reversed components
 * whose nodes count how many names pass through them.
 */
final class Aliases {
    private static final class Node {
        final Map<String, Node> children = new HashMap<>();
        int names;
    }

    private final Node root = new Node();
    private final Set<String> added = new HashSet<>();

    void add(String name) {
        if (!added.add(name)) {
            return;
        }
        String[] components = name.split("\\.", -1);
        Node node = root;
        for (int i = components.length - 1; i >= 0; i--) {
            node = node.children.computeIfAbsent(components[i], c -> new Node());
            node.names++;
        }
    }

    String alias(String name) {
        String[] components = name.split("\\.", -1);
        Node node = root;
        int needed = 0;
        for (int i = components.length - 1; i >= 0; i--) {
            node = node.children.get(components[i]);
            if (node == null) {
                throw new IllegalArgumentException("'" + name + "' was never added");
            }
            needed++;
            if (node.names < 2) {
                break;
            }
        }
        return String.join(".", java.util.Arrays.copyOfRange(components, components.length - needed,
                components.length));
    }
}

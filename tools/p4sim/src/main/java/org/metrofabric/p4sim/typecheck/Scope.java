package org.metrofabric.p4sim.typecheck;

import java.util.HashMap;
import java.util.Map;

/**
 * Names visible at a point of the program: variables, constants, actions, tables, extern
 * instances and functions, parsers and controls. Types live in their own namespace in the
 * compiler. Inner scopes shadow outer ones.
 */
final class Scope {
    private final Scope parent;
    private final Map<String, Object> names = new HashMap<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    Object lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            Object o = s.names.get(name);
            if (o != null) {
                return o;
            }
        }
        return null;
    }

    /** Declares {@code name}; returns the previous declaration in this same scope, or null. */
    Object declare(String name, Object what) {
        return names.putIfAbsent(name, what);
    }

    /** Replaces a declaration of this scope (overloads of an extern function accumulate). */
    void redeclare(String name, Object what) {
        names.put(name, what);
    }

    Scope child() {
        return new Scope(this);
    }
}

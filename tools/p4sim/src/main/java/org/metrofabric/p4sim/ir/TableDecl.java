package org.metrofabric.p4sim.ir;

import java.util.List;
import java.util.Map;

/**
 * A table. Optional parts are null when absent: {@code defaultAction} (then NoAction applies),
 * {@code entries}, {@code size}, {@code implementation} (action_profile/action_selector instance),
 * {@code counters} (direct_counter), {@code meters} (direct_meter).
 * {@code otherProperties} keeps properties p4sim does not interpret (e.g. support_timeout).
 */
public record TableDecl(String name, String controlName, List<KeyElement> keys, List<ActionRef> actions,
                        ActionCall defaultAction, boolean defaultActionConst, List<Entry> entries,
                        boolean entriesConst, Long size, ExternInstance implementation,
                        ExternInstance counters, ExternInstance meters, Map<String, Expr> otherProperties,
                        List<Annotation> annotations, SourceLocation location) {

    /** A key element {@code expression : matchKind}. */
    public record KeyElement(Expr expression, String matchKind, List<Annotation> annotations,
                             SourceLocation location) { }

    /** An entry of the {@code actions} list. */
    public record ActionRef(ActionDecl action, List<Annotation> annotations, SourceLocation location) { }

    /** An action with its arguments (constants for default actions and entries). */
    public record ActionCall(ActionDecl action, List<Expr> arguments, SourceLocation location) { }

    /** A (const) entry: one keyset per key element, in key order. */
    public record Entry(List<Keyset> keys, ActionCall action, List<Annotation> annotations,
                        SourceLocation location) { }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return controlName + "." + name;
    }
}

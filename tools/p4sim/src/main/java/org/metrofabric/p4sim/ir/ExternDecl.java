package org.metrofabric.p4sim.ir;

import java.util.List;

/**
 * An extern object type ({@code extern register<T, I> {...}}) or an extern function
 * ({@code extern void mark_to_drop(...)}, then {@code methods} holds its overloads and
 * {@code isFunction} is true).
 */
public record ExternDecl(String name, List<String> typeParameters, List<Method> constructors,
                         List<Method> methods, boolean isFunction, List<Annotation> annotations,
                         SourceLocation location) {

    /** One method (or constructor, or function overload) prototype. */
    public record Method(String name, P4Type returnType, List<String> typeParameters,
                         List<Variable> parameters, List<Annotation> annotations) { }

    /** Overloads called {@code method} taking {@code argumentCount} arguments. */
    public List<Method> overloads(String method, int argumentCount) {
        return methods.stream()
                .filter(m -> m.name().equals(method) && m.parameters().size() == argumentCount)
                .toList();
    }
}

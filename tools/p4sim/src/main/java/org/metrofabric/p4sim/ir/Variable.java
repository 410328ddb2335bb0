package org.metrofabric.p4sim.ir;

import java.util.List;

/**
 * A storage location with a name: a parser/control/action parameter or a local variable.
 * Identity matters (two variables of the same name in different scopes are different), so this
 * is a class; the interpreter gives each one its own storage.
 */
public final class Variable {
    private final String name;
    private final P4Type type;
    private final Direction direction;
    private final boolean parameter;
    private final List<Annotation> annotations;
    private final SourceLocation location;

    public Variable(String name, P4Type type, Direction direction, boolean parameter,
                    List<Annotation> annotations, SourceLocation location) {
        this.name = name;
        this.type = type;
        this.direction = direction;
        this.parameter = parameter;
        this.annotations = List.copyOf(annotations);
        this.location = location;
    }

    public String name() {
        return name;
    }

    public P4Type type() {
        return type;
    }

    public Direction direction() {
        return direction;
    }

    public boolean isParameter() {
        return parameter;
    }

    public List<Annotation> annotations() {
        return annotations;
    }

    public SourceLocation location() {
        return location;
    }

    @Override
    public String toString() {
        return name + ":" + type.describe();
    }
}
